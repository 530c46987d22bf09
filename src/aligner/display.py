"""HTML views of an alignment, for notebooks and the static report.

:func:`alignment_html` renders a side-by-side table (Chinese | English |
bead type | confidence): weak beads (confidence below ``low``) are shaded,
1-0 and 0-1 beads marked, the set-aside blocks listed in a collapsed
section, and long alignments cut after ``max_rows`` rows with a count of
what is left out. All text is HTML-escaped. Styles are inline so the table
looks the same in Jupyter, in a browser and in an e-mail.
"""

from __future__ import annotations

from html import escape

from aligner.model import Alignment

LOW_CONFIDENCE = 0.5

_TABLE = "border-collapse:collapse;font-size:13px;width:100%"
_CELL = "border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top"
_WEAK = "background:#fde2e1"
_ONE_SIDED = "background:#eeeeee;color:#666"


def alignment_html(alignment: Alignment, max_rows: int = 200, low: float = LOW_CONFIDENCE) -> str:
    """A self-contained HTML table of the beads (see the module docstring)."""
    beads = alignment.beads
    weak = sum(1 for b in beads if b.zh and b.en and b.confidence < low)
    one_sided = sum(1 for b in beads if not (b.zh and b.en))
    title = escape(alignment.source or "alignment")
    parts = [
        f'<div class="aligner-alignment"><p><b>{title}</b>: {len(beads)} beads, '
        f"{len(alignment.zh)} zh / {len(alignment.en)} en sentences, layout {escape(alignment.layout)}; "
        f'<span style="{_WEAK}">{weak} below confidence {low:g}</span>, '
        f'<span style="{_ONE_SIDED}">{one_sided} one-sided</span></p>',
        f'<table style="{_TABLE}"><thead><tr>'
        + "".join(f'<th style="{_CELL}">{h}</th>' for h in ("#", "Chinese", "English", "bead", "confidence"))
        + "</tr></thead><tbody>",
    ]
    for number, bead in enumerate(beads[:max_rows]):
        style = _ONE_SIDED if not (bead.zh and bead.en) else _WEAK if bead.confidence < low else ""
        css = "one-sided" if not (bead.zh and bead.en) else "weak" if bead.confidence < low else "ok"
        parts.append(
            f'<tr class="{css}" style="{style}">'
            f'<td style="{_CELL}">{number}</td>'
            f'<td style="{_CELL}">{escape(alignment.text(bead, "zh"))}</td>'
            f'<td style="{_CELL}">{escape(alignment.text(bead, "en"))}</td>'
            f'<td style="{_CELL}">{bead.kind}</td>'
            f'<td style="{_CELL}">{bead.confidence:.2f}</td></tr>'
        )
    parts.append("</tbody></table>")
    if len(beads) > max_rows:
        parts.append(f"<p>… {len(beads) - max_rows} more beads not shown (use <code>.to_frame()</code> to see them all).</p>")
    if alignment.set_aside:
        items = "".join(
            f"<li>line {s.lines[0] + 1}: <i>{escape(s.reason)}</i> — {escape(s.text[:200])}</li>" for s in alignment.set_aside
        )
        parts.append(f"<details><summary>{len(alignment.set_aside)} blocks set aside</summary><ul>{items}</ul></details>")
    parts.append("</div>")
    return "".join(parts)
