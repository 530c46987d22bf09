"""Rich display, plots and the static report."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest

import aligner
from aligner.cli import main
from aligner.display import alignment_html
from aligner.model import Alignment, Bead, Sentence, SetAside
from conftest import ROOT

SEED = ROOT / "data" / "raw" / "000_6b09ea8d1725d98c.txt"


def small_alignment() -> Alignment:
    zh = ["第一句。", "第二句<script>alert(1)</script>。", "第三句。"]
    en = ["A title", "The first sentence.", "The second <b>sentence</b>.", "The third sentence."]
    return Alignment(
        zh=[Sentence(t, "zh", i) for i, t in enumerate(zh)],
        en=[Sentence(t, "en", i, paragraph=1 if i else 0) for i, t in enumerate(en)],
        beads=[
            Bead((), (0,), confidence=0.0),
            Bead((0,), (1,), confidence=0.95),
            Bead((1,), (2,), confidence=0.2),  # the weak one
            Bead((2,), (3,), confidence=0.9),
        ],
        set_aside=[SetAside("Copyright © 2025 <Example>", (9, 10), "copyright notice")],
        source="sample.txt",
    )


def test_repr_html_structure_and_escaping() -> None:
    html = small_alignment()._repr_html_()
    assert html.count("<tr") == 5  # header + 4 beads
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;sentence&lt;/b&gt;" in html
    rows = re.findall(r'<tr class="(\w[\w-]*)"', html)
    assert rows == ["one-sided", "ok", "weak", "ok"]
    assert "1 below confidence 0.5" in html and "1 one-sided" in html
    assert "<details><summary>1 blocks set aside</summary>" in html and "&lt;Example&gt;" in html


def test_long_alignments_are_truncated_with_a_count() -> None:
    html = alignment_html(small_alignment(), max_rows=2)
    assert html.count("<tr") == 3
    assert "2 more beads not shown" in html


def test_plot_path_runs_headless_and_has_one_point_per_bead() -> None:
    alignment = aligner.align_file(SEED)
    ax = alignment.plot()
    assert ax.get_xlabel() == "Chinese sentence"
    points = ax.collections[0].get_offsets()
    assert len(points) == len(alignment.beads) == 10
    # paragraph boundaries are drawn: 5 on the zh axis (6 paragraphs), 6 on en (7)
    assert len(ax.lines) == 1 + 5 + 6


def test_plot_length_ratios_has_one_point_per_two_sided_bead() -> None:
    alignment = small_alignment()
    ax = alignment.plot("ratio")
    assert len(ax.collections[0].get_offsets()) == 3
    with pytest.raises(ValueError, match="unknown plot kind"):
        alignment.plot("pie")


def test_report_without_matplotlib_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails as when it is not installed
    out = tmp_path / "report.html"
    assert main(["report", str(SEED), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "aligner[plot]" in err
    assert not out.exists()


def test_report_is_self_contained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["report", str(SEED), "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<svg") == 2
    assert not re.search(r"<script|<link|src=\"http|url\(http", html)
    assert "Readout on the Second Meeting" in html
