"""A static, self-contained HTML report of one or more alignments.

Each alignment gets its table (:mod:`aligner.display`) and both plots
(:mod:`aligner.plot`) as inline SVG: no external scripts, styles or fonts,
so the page can be mailed or archived as one file.
"""

from __future__ import annotations

from html import escape
from typing import Sequence

from aligner.model import Alignment


def report_html(alignments: Sequence[Alignment], title: str = "aligner report", max_rows: int = 500) -> str:
    """The report page as a string."""
    import matplotlib

    matplotlib.use("Agg")
    from aligner.display import alignment_html
    from aligner.plot import figure_svg, plot_length_ratios, plot_path

    sections = []
    for alignment in alignments:
        path_svg = figure_svg(plot_path(alignment))
        ratio_svg = figure_svg(plot_length_ratios(alignment))
        sections.append(
            "<section>"
            f"<h2>{escape(alignment.source or 'alignment')}</h2>"
            f'<div style="display:flex;flex-wrap:wrap;gap:16px"><div style="width:420px">{path_svg}</div>'
            f'<div style="width:520px">{ratio_svg}</div></div>'
            f"{alignment_html(alignment, max_rows=max_rows)}"
            "</section>"
        )
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(title)}</title></head>"
        '<body style="font-family:system-ui,\'Noto Sans CJK SC\',\'PingFang SC\',\'Microsoft YaHei\',sans-serif;margin:24px;max-width:1200px">'
        f"<h1>{escape(title)}</h1>"
        "<p>Weak beads (confidence below 0.5) are shaded red, one-sided beads grey. "
        "In the path plot each point is a bead, coloured by confidence.</p>"
        + "".join(sections)
        + "</body></html>\n"
    )
