"""Invariants on generated bilingual documents (hypothesis).

For any document: every sentence of each stream is in exactly one bead, in
order, with its text unchanged; nothing of the input is lost (what is not in
a stream is set aside); the TSV parses back to the same beads; the TMX is
valid and reads back the same texts; the result is deterministic.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import aligner
from aligner.align import AlignParams
from aligner.clean import clean_text
from aligner.errors import InputError
from aligner.export import write_text
from aligner.export.text import one_line, xml_safe
from test_pipeline import check_conservation

DTD = etree.DTD(str(Path(__file__).resolve().parent / "data" / "tmx14.dtd"))

ZH_ATOMS = ["市", "图书馆", "开放", "时间", "读者", "二十九", "2025年", "3.5%", "COP29", "（注）", "“", "”", "，", "、", "；", "😀", "ｅｆ", "e\u0301", " "]
EN_ATOMS = ["the", "library", "opens", "at", "9", "a.m.", "U.S.", "Mr.", "3.5", "COP 29", "“quoted”", ",", "—", "😀", "café", "e\u0301", "ｆｕｌｌ", "  "]
ZH_ENDS = ["。", "！", "？", "……", "。”"]
EN_ENDS = [".", "!", "?", '."', "..."]


@st.composite
def sentence(draw: st.DrawFn, lang: str) -> str:
    atoms = ZH_ATOMS if lang == "zh" else EN_ATOMS
    words = draw(st.lists(st.sampled_from(atoms), min_size=1, max_size=12))
    core = ("" if lang == "zh" else " ").join(words).strip()
    if lang == "zh":
        core = "文" + core  # at least one Han character
    else:
        core = "Word " + core
    return core + draw(st.sampled_from(ZH_ENDS if lang == "zh" else EN_ENDS))


@st.composite
def paragraphs(draw: st.DrawFn, lang: str, max_paragraphs: int) -> list[str]:
    n = draw(st.integers(1, max_paragraphs))
    return [
        ("" if lang == "zh" else " ").join(draw(st.lists(sentence(lang), min_size=1, max_size=6)))
        for _ in range(n)
    ]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, str]:
    zh = draw(paragraphs("zh", 20))
    en = draw(paragraphs("en", 20))
    layout = draw(
        st.sampled_from(["zh-then-en", "en-then-zh", "alternating", "alternating-lines", "blank-lines", "same-line", "one-line"])
    )
    if layout == "zh-then-en":
        blocks = zh + en
    elif layout == "en-then-zh":
        blocks = en + zh
    elif layout == "same-line":  # 中文。 English. on one line
        joiner = draw(st.sampled_from([" ", ""]))
        blocks = [z + joiner + e for z, e in zip(zh, en)] + zh[len(en) :] + en[len(zh) :]
    elif layout == "one-line":  # 中文。 English. 中文。 English. all on one line
        blocks = [" ".join(p for pair in zip(zh, en) for p in pair)] + zh[len(en) :] + en[len(zh) :]
    else:
        blocks = [p for pair in zip(zh, en) for p in pair] + zh[len(en) :] + en[len(zh) :]
    sep = "\n\n" if layout in ("alternating", "blank-lines") else "\n"
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return layout, sep.join(blocks).replace("\n", newline) + newline


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=documents())
def test_pipeline_invariants(doc: tuple[str, str]) -> None:
    layout, text = doc
    try:
        alignment = aligner.align_text(text)
    except InputError as exc:  # a generated side may come out as boilerplate only
        assert "only" in str(exc) or "no Chinese or English" in str(exc)
        return
    check_conservation(alignment)

    # nothing lost: streams + set-aside blocks hold all the (cleaned) input
    doc_ = aligner.loader.load_text(text)
    kept = "".join(p.text for p in doc_.zh + doc_.en) + "".join(s.text for s in doc_.set_aside)
    assert sorted(squash(kept)) == sorted(squash(clean_text(text.replace("\r\n", "\n"))))
    # sentences are the paragraphs, cut
    for lang in ("zh", "en"):
        paragraphs_ = doc_.zh if lang == "zh" else doc_.en
        sentences = alignment.zh if lang == "zh" else alignment.en
        assert squash("".join(s.text for s in sentences)) == squash("".join(p.text for p in paragraphs_))

    # TSV parses back to the same beads and texts
    rows = list(csv.reader(io.StringIO(write_text(alignment, "tsv")), delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    assert len(rows) == len(alignment.beads)
    for row, bead in zip(rows, alignment.beads):
        assert row[0] == one_line(alignment.text(bead, "zh")) and row[1] == one_line(alignment.text(bead, "en"))
        assert row[4] == ",".join(map(str, bead.zh)) and row[5] == ",".join(map(str, bead.en))

    # TMX is valid and reads back the same texts
    tree = etree.parse(io.BytesIO(write_text(alignment, "tmx").encode("utf-8")))
    assert DTD.validate(tree), DTD.error_log
    segs = [seg.text or "" for seg in tree.iter("seg")]
    expected = [xml_safe(alignment.text(b, lang)) for b in alignment.beads if b.zh and b.en for lang in ("zh", "en")]
    assert segs == expected

    # deterministic
    assert aligner.align_text(text).beads == alignment.beads


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zh=st.lists(sentence("zh"), min_size=1, max_size=150), en=st.lists(sentence("en"), min_size=1, max_size=150))
def test_presplit_conserves_any_sentence_counts(zh: list[str], en: list[str]) -> None:
    alignment = aligner.align_pair("\n".join(zh), "\n".join(en), presplit=True)
    check_conservation(alignment)
    assert [s.text for s in alignment.zh] == [z.strip() for z in zh]
    assert [s.text for s in alignment.en] == [e.strip() for e in en]


TWO_PASS = AlignParams(adapt=True, adapt_min_beads=1)  # the second pass on every document


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(doc=documents())
def test_two_pass_keeps_every_sentence_once(doc: tuple[str, str]) -> None:
    _, text = doc
    try:
        alignment = aligner.align_text(text, params=TWO_PASS)
    except InputError:
        return
    check_conservation(alignment)
    assert aligner.align_text(text, params=TWO_PASS).beads == alignment.beads


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zh=st.lists(sentence("zh"), min_size=1, max_size=150), en=st.lists(sentence("en"), min_size=1, max_size=150))
def test_two_pass_presplit_conserves_any_sentence_counts(zh: list[str], en: list[str]) -> None:
    check_conservation(aligner.align_pair("\n".join(zh), "\n".join(en), presplit=True, params=TWO_PASS))
