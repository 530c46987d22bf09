"""Exporters: TSV and TMX round trips, DTD validity, atomic writes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from aligner.errors import UsageError
from aligner.export import WRITERS, parse_formats, write, write_text
from aligner.model import Alignment, Bead, Sentence

DTD = Path(__file__).resolve().parent / "data" / "tmx14.dtd"


def make_alignment() -> Alignment:
    zh = ["市图书馆将延长开放时间。", "周一至周五开放。", "每次预约最长四小时。", "带<script>&\"'的文字\t和制表符。", "控制\x07字符😀与\ud800孤立代理。"]
    en = [
        "Library Hours",
        "The city library will extend its opening hours from Monday to Friday.",
        "Each booking lasts at most four hours.",
        "Text with <script>&\"' and a\ttab\nand a newline.",
        "A control\x07 char 😀 and a lone \ud800 surrogate.",
    ]
    return Alignment(
        zh=[Sentence(t, "zh", i, line=i) for i, t in enumerate(zh)],
        en=[Sentence(t, "en", i, line=10 + i) for i, t in enumerate(en)],
        beads=[
            Bead((), (0,), confidence=0.1),
            Bead((0, 1), (1,), confidence=0.93),
            Bead((2,), (2,), confidence=0.4),
            Bead((3,), (3,), confidence=0.8),
            Bead((4,), (4,), confidence=0.7),
        ],
    )


def test_tsv_round_trips_with_csv_and_pandas(tmp_path: Path) -> None:
    alignment = make_alignment()
    path = tmp_path / "out.tsv"
    write(alignment, path, "tsv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0][:4] == ["zh", "en", "kind", "confidence"]
    assert len(rows) == 6 and all(len(r) == 8 for r in rows)
    assert rows[1][:3] == ["", "Library Hours", "0-1"]
    assert rows[2][0] == "市图书馆将延长开放时间。周一至周五开放。"
    assert rows[2][4:] == ["0,1", "1", "0,1", "11"]
    assert rows[4][1] == "Text with <script>&\"' and a tab and a newline."
    frame = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False, dtype=str)
    assert list(frame["en"]) == [r[1] for r in rows[1:]]
    assert "\ud800" not in path.read_text(encoding="utf-8")


def test_tmx_validates_against_the_dtd(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    write(make_alignment(), path, "tmx")
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(etree.parse(str(path))), dtd.error_log
    header = etree.parse(str(path)).find("header")
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr)


def test_tmx_reads_back_through_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage import tmx

    path = tmp_path / "out.tmx"
    write(make_alignment(), path, "tmx", zh_lang="zh-TW", en_lang="en-GB")
    store = tmx.tmxfile.parsefile(str(path))
    units = [u for u in store.units if u.source]
    assert [u.source for u in units] == [
        "市图书馆将延长开放时间。周一至周五开放。",
        "每次预约最长四小时。",
        "带<script>&\"'的文字\t和制表符。",
        "控制字符😀与孤立代理。",
    ]
    assert units[0].target == "The city library will extend its opening hours from Monday to Friday."
    assert units[2].target == "Text with <script>&\"' and a\ttab\nand a newline."
    tree = etree.parse(str(path))
    langs = {t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tree.iter("tuv")}
    assert langs == {"zh-TW", "en-GB"}


def test_tmx_leaves_out_one_sided_and_weak_beads() -> None:
    text = write_text(make_alignment(), "tmx", min_confidence=0.5)
    assert text.count("<tu>") == 3
    assert "Library Hours" not in text and "每次预约" not in text


def test_jsonl_is_one_object_per_bead() -> None:
    lines = write_text(make_alignment(), "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["kind"] for r in records] == ["0-1", "2-1", "1-1", "1-1", "1-1"]
    assert records[1]["zh_ids"] == [0, 1]


def test_failed_write_leaves_earlier_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.tsv"
    path.write_text("earlier output\n", encoding="utf-8")

    def broken(alignment, stream, **options):  # type: ignore[no-untyped-def]
        stream.write("half a file")
        raise RuntimeError("disk full")

    monkeypatch.setitem(WRITERS, "tsv", WRITERS["tsv"].__class__("tsv", ".tsv", broken))
    with pytest.raises(RuntimeError):
        write(make_alignment(), path, "tsv")
    assert path.read_text(encoding="utf-8") == "earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tsv"]


def test_output_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "out.tsv"
    write(make_alignment(), path, "tsv")
    assert path.exists()


def test_stdout_target(capsys: pytest.CaptureFixture[str]) -> None:
    write(make_alignment(), "-", "tsv")
    assert capsys.readouterr().out.startswith("zh\ten\tkind")


def test_formats_are_validated() -> None:
    assert parse_formats("tsv, TMX,tsv") == ["tsv", "tmx"]
    with pytest.raises(UsageError, match="unknown format 'xls'"):
        parse_formats("tsv,xls")
    with pytest.raises(UsageError):
        write(make_alignment(), io.StringIO(), "docx")  # type: ignore[arg-type]
