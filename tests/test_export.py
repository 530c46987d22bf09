"""Exporters: TSV, TMX and JSONL round trips, DTD validity, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import stat
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import aligner
from aligner.errors import InputError, UsageError
from aligner.export import WRITERS, Writer, formats, parse_formats, write, write_text
from aligner.export.tsv import COLUMNS, read_tsv
from aligner.model import Alignment, Bead, Sentence

DTD_PATH = Path(__file__).resolve().parent / "data" / "tmx14.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

ZH = [
    "市图书馆将延长开放时间。",
    "周一至周五晚上九点闭馆。",
    "每位读者每次最多预约四小时。",
    "标签<script>&\"'不会被执行，\t制表符\n和换行也一样。",
    "响铃\x07字符、表情😀与孤立代理\ud800都要处理。",
    "配对的代理\ud83d\ude00会合并成一个字符。",
    "本段没有英文译文。",
]
EN = [
    "Library Hours",
    "The city library will stay open longer, closing at nine on weekday evenings.",
    "Each reader may book at most four hours at a time.",
    "The tag <script>&\"' is not run,\ta tab\r\nand line breaks\u2028\x85\x0b\x0c neither.",
    "A bell\x07 character, an emoji 😀 and a lone \udfff surrogate are handled.",
    "A paired surrogate \ud83d\ude00 becomes one character; ]]> stays text\ufffe.",
]
ZH_LINES = [0, 0, 1, 2, 3, 4, 5]
BEADS = [
    Bead((), (0,), confidence=0.12),
    Bead((0, 1), (1,), confidence=0.93),
    Bead((2,), (2,), confidence=0.45),
    Bead((3,), (3,), confidence=0.8),
    Bead((4,), (4,), confidence=0.7),
    Bead((5,), (5,), confidence=0.5),
    Bead((6,), (), confidence=0.3),
]

# What each format should carry for the beads above, written out by hand.
TSV_TEXTS = [
    ("", "Library Hours"),
    ("市图书馆将延长开放时间。周一至周五晚上九点闭馆。", EN[1]),
    (ZH[2], EN[2]),
    ("标签<script>&\"'不会被执行， 制表符 和换行也一样。", "The tag <script>&\"' is not run, a tab  and line breaks     neither."),
    ("响铃\x07字符、表情😀与孤立代理都要处理。", "A bell\x07 character, an emoji 😀 and a lone  surrogate are handled."),
    ("配对的代理😀会合并成一个字符。", "A paired surrogate 😀 becomes one character; ]]> stays text\ufffe."),
    ("本段没有英文译文。", ""),
]
TMX_TEXTS = [
    ("市图书馆将延长开放时间。周一至周五晚上九点闭馆。", EN[1]),
    (ZH[2], EN[2]),
    (ZH[3], "The tag <script>&\"' is not run,\ta tab\r\nand line breaks\u2028\x85 neither."),
    ("响铃字符、表情😀与孤立代理都要处理。", "A bell character, an emoji 😀 and a lone  surrogate are handled."),
    ("配对的代理😀会合并成一个字符。", "A paired surrogate 😀 becomes one character; ]]> stays text."),
]


def make_alignment(beads: list[Bead] | None = None) -> Alignment:
    return Alignment(
        zh=[Sentence(t, "zh", i, line=ZH_LINES[i]) for i, t in enumerate(ZH)],
        en=[Sentence(t, "en", i, line=10 + i) for i, t in enumerate(EN)],
        beads=list(BEADS if beads is None else beads),
    )


def tmx_tree(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))


# --- TSV ---------------------------------------------------------------------


def test_tsv_round_trips_through_csv(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    write(make_alignment(), path, "tsv")
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == list(COLUMNS)
    assert rows[0] == ["zh", "en", "kind", "confidence", "zh_ids", "en_ids", "zh_lines", "en_lines"]
    assert len(rows) == 1 + len(BEADS) and all(len(r) == 8 for r in rows)
    assert [tuple(r[:2]) for r in rows[1:]] == TSV_TEXTS
    assert [r[2] for r in rows[1:]] == ["0-1", "2-1", "1-1", "1-1", "1-1", "1-1", "1-0"]
    assert [r[3] for r in rows[1:]] == ["0.1200", "0.9300", "0.4500", "0.8000", "0.7000", "0.5000", "0.3000"]
    assert rows[1][4:] == ["", "0", "", "10"]
    assert rows[2][4:] == ["0,1", "1", "0", "11"]  # two sentences of one source line
    assert rows[7][4:] == ["6", "", "5", ""]


def test_tsv_is_one_line_per_bead_lf_utf8(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    write(make_alignment(), path, "tsv")
    data = path.read_bytes()
    assert b"\r" not in data and data.endswith(b"\n")
    lines = data.decode("utf-8").split("\n")[:-1]
    assert len(lines) == 1 + len(BEADS)
    assert [line.split("\t")[0] for line in lines[1:]] == [zh for zh, _ in TSV_TEXTS]  # cut -f1
    assert data.decode("utf-8").splitlines() == lines  # no stray line separators


def test_tsv_reads_into_pandas(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    make_alignment().to_tsv(path)
    frame = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, keep_default_na=False, dtype=str)
    assert list(frame.columns) == list(COLUMNS)
    assert list(zip(frame["zh"], frame["en"])) == TSV_TEXTS
    assert list(frame["zh_ids"]) == ["", "0,1", "2", "3", "4", "5", "6"]


def test_read_tsv_gives_bead_ids_and_texts(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    write(make_alignment(), path, "tsv")
    rows = read_tsv(path)
    assert [r.ids for r in rows] == [(b.zh, b.en) for b in BEADS]
    assert [(r.zh, r.en) for r in rows] == TSV_TEXTS
    assert rows[1].confidence == 0.93 and rows[1].kind == "2-1"
    assert rows[1].zh_lines == (0,) and rows[1].en_lines == (11,)


def test_read_tsv_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "other.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(aligner.InputError, match="not an aligner TSV"):
        read_tsv(path)
    path.write_text("zh\ten\tkind\tconfidence\tzh_ids\ten_ids\n甲\tA\t1-1\t0.9\tx\t0\n", encoding="utf-8")
    with pytest.raises(aligner.InputError, match="line 2"):
        read_tsv(path)


# --- TMX ---------------------------------------------------------------------


def test_tmx_validates_against_the_dtd(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    make_alignment().to_tmx(path)
    dtd = etree.DTD(str(DTD_PATH))
    assert dtd.validate(tmx_tree(path)), dtd.error_log.filter_from_errors()
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">')


def test_tmx_header(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    write(make_alignment(), path, "tmx")
    header = tmx_tree(path).getroot().find("header")
    assert dict(header.attrib) == {
        "creationtool": "aligner",
        "creationtoolversion": aligner.__version__,
        "segtype": "sentence",
        "o-tmf": "aligner",
        "adminlang": "en",
        "srclang": "zh-CN",
        "datatype": "plaintext",
    }


def test_tmx_is_deterministic_unless_given_a_date(tmp_path: Path) -> None:
    first, second = tmp_path / "1.tmx", tmp_path / "2.tmx"
    write(make_alignment(), first, "tmx")
    write(make_alignment(), second, "tmx")
    assert first.read_bytes() == second.read_bytes()
    assert b"creationdate" not in first.read_bytes()
    dated = write_text(make_alignment(), "tmx", creation_date="20250102T030405Z")
    assert 'creationdate="20250102T030405Z"' in dated
    local = datetime(2025, 1, 2, 11, 4, 5, tzinfo=timezone(timedelta(hours=8)))
    assert 'creationdate="20250102T030405Z"' in write_text(make_alignment(), "tmx", creation_date=local)
    with pytest.raises(UsageError, match="TMX date"):
        write_text(make_alignment(), "tmx", creation_date="2025-01-02")


def test_tmx_reads_back_through_lxml(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    write(make_alignment(), path, "tmx")
    tus = tmx_tree(path).getroot().find("body").findall("tu")
    assert len(tus) == len(TMX_TEXTS)
    for tu, (zh, en) in zip(tus, TMX_TEXTS):
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["zh-CN", "en"]
        assert [t.findtext("seg") for t in tuvs] == [zh, en]
    props = [{p.get("type"): p.text for p in tu.findall("prop")} for tu in tus]
    assert props[0] == {"x-aligner-kind": "2-1", "x-aligner-confidence": "0.9300"}
    assert [p["x-aligner-kind"] for p in props] == ["2-1", "1-1", "1-1", "1-1", "1-1"]


def test_tmx_escapes_markup(tmp_path: Path) -> None:
    text = write_text(make_alignment(), "tmx")
    assert "<script>" not in text and "&lt;script&gt;&amp;" in text
    assert "]]>" not in text
    assert "\x07" not in text and "\x0b" not in text and "\ufffe" not in text


def test_tmx_reads_back_through_translate_toolkit(tmp_path: Path) -> None:
    from translate.storage import tmx

    path = tmp_path / "out.tmx"
    write(make_alignment(), path, "tmx", zh_lang="zh-Hant-TW", en_lang="en-GB")
    store = tmx.tmxfile.parsefile(str(path))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.source, u.target) for u in units] == TMX_TEXTS
    langs = {t.get(XML_LANG) for t in tmx_tree(path).iter("tuv")}
    assert langs == {"zh-Hant-TW", "en-GB"}
    assert tmx_tree(path).getroot().find("header").get("srclang") == "zh-Hant-TW"


def test_tmx_leaves_out_one_sided_beads_without_merging() -> None:
    text = write_text(make_alignment(), "tmx")
    assert text.count("<tu>") == 5
    assert "Library Hours" not in text and "本段没有英文译文" not in text


def test_tmx_min_confidence() -> None:
    kept = lambda **o: [
        tu.find("prop[@type='x-aligner-confidence']").text
        for tu in etree.fromstring(write_text(make_alignment(), "tmx", **o).encode("utf-8")).iter("tu")
    ]
    assert kept() == ["0.9300", "0.4500", "0.8000", "0.7000", "0.5000"]
    assert kept(min_confidence=0.5) == ["0.9300", "0.8000", "0.7000", "0.5000"]  # the bound is kept
    assert kept(min_confidence=0.95) == []
    unknown = make_alignment([Bead((0,), (0,), confidence=math.nan), Bead((1,), (1,), confidence=0.9)])
    assert write_text(unknown, "tmx", min_confidence=0.1).count("<tu>") == 1
    assert write_text(unknown, "tmx").count("<tu>") == 2
    for bad in ("high", 2, -0.1, math.nan):
        with pytest.raises(UsageError, match="min_confidence"):
            write_text(make_alignment(), "tmx", min_confidence=bad)


def test_tmx_language_tags_are_checked() -> None:
    for bad in ("", "zh_CN", 'zh" x="1', "中文"):
        with pytest.raises(UsageError, match="language tag"):
            write_text(make_alignment(), "tmx", zh_lang=bad)
    with pytest.raises(UsageError, match="en_lang"):
        write_text(make_alignment(), "tmx", en_lang="en US")
    with pytest.raises(UsageError, match="different language tags"):
        write_text(make_alignment(), "tmx", zh_lang="en", en_lang="EN")


def test_write_reports_unwritable_paths_as_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        write(make_alignment(), tmp_path, "tsv")
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write"):
        write(make_alignment(), tmp_path / "a_file" / "x.tsv", "tsv")  # a file where a folder would go


def test_align_many_checks_its_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("我爱北京。\nI love Beijing.\n", encoding="utf-8")
    with pytest.raises(UsageError, match="unknown format 'csv'"):
        list(aligner.align_many([tmp_path / "a.txt"], tmp_path / "out", formats=["csv"]))
    [result] = aligner.align_many([tmp_path / "a.txt"], tmp_path / "out", formats="tsv,jsonl")
    assert result.error is None and sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.jsonl", "a.tsv"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=2, max_size=2), st.lists(st.text(max_size=30), min_size=1, max_size=2))
def test_any_text_survives_tsv_and_tmx(zh: list[str], en: list[str]) -> None:
    from aligner.export.text import no_surrogates, xml_safe

    alignment = Alignment(
        zh=[Sentence(t, "zh", i) for i, t in enumerate(zh)],
        en=[Sentence(t, "en", i) for i, t in enumerate(en)],
        beads=[Bead((0, 1), tuple(range(len(en))))],
    )
    rows = list(csv.reader(io.StringIO(write_text(alignment, "tsv"), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 2 and len(rows[1]) == 8
    assert len(rows[1][0]) == len(no_surrogates("".join(zh)))
    assert rows[1][4:6] == ["0,1", ",".join(map(str, range(len(en))))]
    tree = etree.fromstring(write_text(alignment, "tmx").encode("utf-8"))
    assert [seg.text or "" for seg in tree.iter("seg")] == [xml_safe("".join(zh)), xml_safe(" ".join(en))]
    records = write_text(alignment, "jsonl").splitlines()
    assert len(records) == 1 and json.loads(records[0])["en"] == no_surrogates(" ".join(en))


# --- JSONL -------------------------------------------------------------------


def test_jsonl_is_one_object_per_bead(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write(make_alignment(), path, "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(BEADS)
    records = [json.loads(line) for line in lines]
    assert [r["kind"] for r in records] == ["0-1", "2-1", "1-1", "1-1", "1-1", "1-1", "1-0"]
    assert records[1] == {
        "zh": TSV_TEXTS[1][0],
        "en": EN[1],
        "kind": "2-1",
        "confidence": 0.93,
        "zh_ids": [0, 1],
        "en_ids": [1],
        "zh_lines": [0],
        "en_lines": [11],
    }
    assert records[0]["zh"] == "" and records[0]["zh_ids"] == []
    assert records[3]["en"] == EN[3]  # JSON carries every character
    assert records[4]["zh"] == "响铃\x07字符、表情😀与孤立代理都要处理。"
    assert records[5]["en"] == "A paired surrogate 😀 becomes one character; ]]> stays text\ufffe."


# --- registry, targets, atomic writes -----------------------------------------


def test_registry() -> None:
    assert formats() == ["tsv", "tmx", "jsonl"]
    assert all(isinstance(w, Writer) and w.name == name for name, w in WRITERS.items())
    assert [w.suffix for w in WRITERS.values()] == [".tsv", ".tmx", ".jsonl"]
    assert parse_formats("tsv, TMX,tsv,,jsonl") == ["tsv", "tmx", "jsonl"]
    with pytest.raises(UsageError, match=r"unknown format 'xls' \(choose from: tsv, tmx, jsonl\)"):
        parse_formats("tsv,xls")
    with pytest.raises(UsageError, match="no output format"):
        parse_formats(" , ")


def test_unknown_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"unknown format 'docx' \(choose from: tsv, tmx, jsonl\)"):
        write(make_alignment(), tmp_path / "out.docx", "docx")
    assert list(tmp_path.iterdir()) == []
    assert aligner.UsageError is UsageError and UsageError.exit_code == 2


def test_format_names_are_case_insensitive(tmp_path: Path) -> None:
    write(make_alignment(), tmp_path / "out.tmx", "TMX")
    assert (tmp_path / "out.tmx").read_text(encoding="utf-8").count("<tu>") == 5


def test_failed_write_leaves_earlier_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.tsv"
    path.write_text("earlier output\n", encoding="utf-8")

    def broken(alignment: Alignment, stream: io.TextIOBase, **options: object) -> None:
        stream.write("half a file" * 10000)
        raise RuntimeError("disk full")

    monkeypatch.setitem(WRITERS, "tsv", Writer("tsv", ".tsv", broken))
    with pytest.raises(RuntimeError, match="disk full"):
        write(make_alignment(), path, "tsv")
    assert path.read_text(encoding="utf-8") == "earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tsv"]


@pytest.mark.parametrize("fmt", ["tsv", "tmx", "jsonl"])
def test_writer_failing_half_way_changes_nothing(tmp_path: Path, fmt: str) -> None:
    # the fourth bead names a sentence that does not exist: the writer fails after three
    beads = BEADS[:3] + [Bead((99,), (99,))]
    path = tmp_path / f"out.{fmt}"
    path.write_text("earlier output\n", encoding="utf-8")
    with pytest.raises(IndexError):
        write(make_alignment(beads), path, fmt)
    assert path.read_text(encoding="utf-8") == "earlier output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{fmt}"]
    with pytest.raises(IndexError):
        write(make_alignment(beads), tmp_path / "new" / f"other.{fmt}", fmt)
    assert list((tmp_path / "new").iterdir()) == []


def test_interrupted_write_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(alignment: Alignment, stream: io.TextIOBase, **options: object) -> None:
        stream.write("partial")
        raise KeyboardInterrupt

    monkeypatch.setitem(WRITERS, "tmx", Writer("tmx", ".tmx", interrupted))
    with pytest.raises(KeyboardInterrupt):
        write(make_alignment(), tmp_path / "out.tmx", "tmx")
    assert list(tmp_path.iterdir()) == []


def test_write_replaces_earlier_file(tmp_path: Path) -> None:
    path = tmp_path / "out.tsv"
    path.write_text("earlier output\n" * 1000, encoding="utf-8")
    write(make_alignment(), path, "tsv")
    assert path.read_text(encoding="utf-8").startswith("zh\ten\tkind")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.tsv"]


def test_output_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "out.tsv"
    write(make_alignment(), str(path), "tsv")
    assert read_tsv(path)[1].ids == ((0, 1), (1,))


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and links")
def test_replaced_file_keeps_mode_and_links_are_written_through(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.tsv"
    write(make_alignment(), fresh, "tsv")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask
    kept = tmp_path / "kept.tsv"
    kept.write_text("x", encoding="utf-8")
    kept.chmod(0o640)
    write(make_alignment(), kept, "tsv")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    link = tmp_path / "link.tsv"
    link.symlink_to(kept)
    write(make_alignment(), link, "jsonl")
    assert link.is_symlink() and kept.read_text(encoding="utf-8").startswith('{"zh": ""')


def test_stdout_target(capsys: pytest.CaptureFixture[str]) -> None:
    write(make_alignment(), "-", "tsv")
    out = capsys.readouterr().out
    assert out.startswith("zh\ten\tkind") and len(out.splitlines()) == 1 + len(BEADS)
    write(make_alignment(), "-", "tmx")
    assert etree.DTD(str(DTD_PATH)).validate(etree.fromstring(capsys.readouterr().out.encode("utf-8")).getroottree())


def test_stdout_is_utf8_with_lf_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="latin-1", newline="\r\n")
    latin.write("before\n")
    monkeypatch.setattr(sys, "stdout", latin)
    write(make_alignment(), "-", "tmx")
    latin.write("after\n")
    latin.flush()
    data = raw.getvalue()
    assert data.startswith(b"before\r\n<?xml") and data.endswith(b"</tmx>\nafter\r\n")
    body = data[len(b"before\r\n") : -len(b"after\r\n")].decode("utf-8")
    assert "\r\n" not in body.replace("&#13;", "") and "表情😀" in body
    assert not latin.closed
