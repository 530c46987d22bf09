"""End to end: the seed document, conservation, determinism, every layout."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

import aligner
from aligner.model import Alignment
from aligner.scoring import score
from conftest import EN_PARAGRAPHS, ROOT, ZH_PARAGRAPHS, shared

SEED = ROOT / "data" / "raw" / "000_6b09ea8d1725d98c.txt"


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _pairs(rows: list[list[str]]) -> list[tuple[str, str]]:
    return [(_norm(r[0]), _norm(r[1])) for r in rows]


def check_conservation(alignment: Alignment) -> None:
    """Every sentence of each stream in exactly one bead, in order."""
    for lang in ("zh", "en"):
        ids = [i for bead in alignment.beads for i in getattr(bead, lang)]
        assert ids == list(range(len(getattr(alignment, lang))))
    for bead in alignment.beads:
        assert bead.zh or bead.en
        assert 0.0 <= bead.confidence <= 1.0


def test_seed_matches_its_gold_exactly(tmp_path: Path) -> None:
    gold_path = shared("seed", "000_6b09ea8d1725d98c.gold.tsv")
    alignment = aligner.align_file(SEED)
    out = tmp_path / "seed.tsv"
    alignment.to_tsv(out)
    with out.open(encoding="utf-8", newline="") as f:
        predicted = _pairs(list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:])
    with gold_path.open(encoding="utf-8", newline="") as f:
        gold = _pairs(list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:])
    # strict precision and recall over beads, compared as texts
    hits = sum(1 for bead in predicted if bead in gold)
    assert hits / len(predicted) == 1.0
    assert hits / len(gold) == 1.0
    assert predicted == gold
    check_conservation(alignment)
    assert [s.reason for s in alignment.set_aside] == ["credit", "no text", "prompt", "copyright notice"]


def test_seed_sentences_are_all_aligned_once() -> None:
    alignment = aligner.align_file(SEED)
    check_conservation(alignment)
    assert (len(alignment.zh), len(alignment.en)) == (10, 10)


def _expected_beads() -> list[tuple[str, str]]:
    from aligner.sentences import split_sentences

    pairs = []
    for zh, en in zip(ZH_PARAGRAPHS, EN_PARAGRAPHS):
        zs, es = split_sentences(zh, "zh"), split_sentences(en, "en")
        assert len(zs) == len(es)
        pairs.extend(zip(zs, es))
    return pairs


@pytest.mark.parametrize("layout", ["zh_then_en", "en_then_zh", "alternating"])
def test_every_layout_aligns_the_translation(layout: str, request: pytest.FixtureRequest) -> None:
    alignment = aligner.align_text(request.getfixturevalue(layout))
    check_conservation(alignment)
    assert alignment.pairs() == _expected_beads()


def test_alternating_lines_and_two_texts_align_the_same() -> None:
    lines = "\n".join(p for pair in zip(ZH_PARAGRAPHS, EN_PARAGRAPHS) for p in pair)
    assert aligner.align_text(lines).pairs() == _expected_beads()
    assert aligner.align_pair("\n".join(ZH_PARAGRAPHS), "\n".join(EN_PARAGRAPHS)).pairs() == _expected_beads()


def test_untranslated_title_and_extra_sentence_become_one_sided_beads() -> None:
    zh = "\n".join(ZH_PARAGRAPHS)
    en = "City Library Notice\n" + "\n".join(EN_PARAGRAPHS[:2]) + "\n" + EN_PARAGRAPHS[2] + " Please bring your library card.\n" + EN_PARAGRAPHS[3]
    alignment = aligner.align_pair(zh, en)
    check_conservation(alignment)
    kinds = [b.kind for b in alignment.beads]
    assert kinds[0] == "0-1" and alignment.text(alignment.beads[0], "en") == "City Library Notice"
    assert any(alignment.text(b, "en").endswith("Please bring your library card.") for b in alignment.beads)


def test_alignment_is_deterministic(zh_then_en: str) -> None:
    first = aligner.align_text(zh_then_en)
    second = aligner.align_text(zh_then_en)
    assert first.beads == second.beads


def test_presplit_keeps_lines_and_ids() -> None:
    zh = "第一句。\n第二句，\n还是第二句。\n\n第三句。"
    en = "First sentence.\nThe second sentence, still the second.\nThe third."
    alignment = aligner.align_pair(zh, en, presplit=True)
    assert [s.text for s in alignment.zh] == ["第一句。", "第二句，", "还是第二句。", "第三句。"]
    assert [s.line for s in alignment.zh] == [0, 1, 2, 4]
    check_conservation(alignment)
    assert [(b.zh, b.en) for b in alignment.beads] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_pandas_columns_with_missing_values() -> None:
    import numpy as np
    import pandas as pd

    zh = pd.Series(["我爱北京。", np.nan, "北京是首都。", None], index=[10, 11, 12, 13])
    en = pd.Series(["I love Beijing.", "Beijing is the capital."])
    alignment = aligner.align_pair(zh, en, presplit=True)
    assert [(s.text, s.line) for s in alignment.zh] == [("我爱北京。", 0), ("北京是首都。", 2)]  # line: the item's position
    assert [(b.zh, b.en) for b in alignment.beads] == [((0,), (0,)), ((1,), (1,))]


def test_presplit_sides_in_the_wrong_language_are_refused() -> None:
    with pytest.raises(aligner.InputError, match="swapped"):
        aligner.align_pair(["I love Beijing.", "It is big."], ["我爱北京。", "北京很大。"], presplit=True)
    with pytest.raises(aligner.InputError, match="no Chinese text"):
        aligner.align_pair(["I love Beijing."], ["It is big."], presplit=True)
    # a Chinese side heavy with Latin names is still taken as given
    assert len(aligner.align_pair(["文COP29COP29。"], ["Word the."], presplit=True).beads) == 1


def test_to_frame() -> None:
    frame = aligner.align_file(SEED).to_frame()
    assert list(frame.columns[:4]) == ["zh", "en", "kind", "confidence"]
    assert len(frame) == 10 and frame["kind"].iloc[0] == "0-1"


def test_mac_dev_accuracy_beats_length_alone() -> None:
    """On the tuning gold, dictionary evidence must beat length alone by far."""
    mac_dev = shared("gold", "mac_dev")
    doc = sorted(mac_dev.glob("*.gold"))[0]
    zh = doc.with_suffix(".zh").read_text(encoding="utf-8")
    en = doc.with_suffix(".en").read_text(encoding="utf-8")
    from aligner.scoring import read_beads

    gold = read_beads(doc)
    full = score([(b.zh, b.en) for b in aligner.align_pair(zh, en, presplit=True).beads], gold)
    length = score([(b.zh, b.en) for b in aligner.align_pair(zh, en, presplit=True, params=aligner.AlignParams.length_only()).beads], gold)
    assert full.strict_f1 > length.strict_f1 + 0.1
    assert full.strict_f1 > 0.7


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030", "gbk", "big5"])
def test_every_encoding_aligns_the_same(encoding: str, tmp_path: Path) -> None:
    if encoding == "big5":  # Big5 carries Traditional characters
        zh = ["市圖書館將延長開放時間。週一至週五開放。", "新館共有三層。二樓設有兒童閱覽室。"]
    else:
        zh = ["市图书馆将延长开放时间。周一至周五开放。", "新馆共有三层。二楼设有儿童阅览室。"]
    en = ["The city library will extend its opening hours. It opens from Monday to Friday.", "The new building has three floors. A children's reading room is on the second floor."]
    path = tmp_path / f"notice.{encoding}.txt"
    path.write_bytes("\r\n".join(zh + en).encode(encoding))
    alignment = aligner.align_file(path)
    check_conservation(alignment)
    assert [b.kind for b in alignment.beads] == ["1-1"] * 4
    assert alignment.text(alignment.beads[3], "zh") == zh[1].split("。")[1] + "。"


def test_align_pair_takes_lists_of_lines() -> None:
    zh = ["市图书馆将延长开放时间。", "新馆共有三层。", ""]
    en = ["The city library will extend its opening hours.", "The new\nbuilding has three floors."]
    from_lists = aligner.align_pair(zh, en, presplit=True)
    from_text = aligner.align_pair("\n".join(zh), "The city library will extend its opening hours.\nThe new building has three floors.", presplit=True)
    assert from_lists.pairs() == from_text.pairs()
    assert [s.text for s in from_lists.en] == ["The city library will extend its opening hours.", "The new building has three floors."]
    assert len(from_lists.zh) == 2  # the blank item is no sentence


@pytest.mark.parametrize("interleave_cost", [0.0, 4.0])
def test_an_untranslated_paragraph_is_not_merged_across_its_neighbours_translation(interleave_cost: float) -> None:
    # 中1 En1 中2 En2 中3: the last Chinese paragraph has no translation; as
    # part of a bead with En2 it would stand on both sides of it in the source
    lone = "院子里的老槐树在风中沙沙作响，没有人说话。"
    text = "\n\n".join([ZH_PARAGRAPHS[0], EN_PARAGRAPHS[0], ZH_PARAGRAPHS[1], EN_PARAGRAPHS[1], lone])
    alignment = aligner.align_text(text, params=replace(aligner.AlignParams(), interleave_cost=interleave_cost))
    check_conservation(alignment)
    last = alignment.beads[-1]
    if interleave_cost:
        assert alignment.text(last, "zh") == lone and last.en == ()
    else:
        assert lone in alignment.text(last, "zh") and last.en  # merged: what the cost prevents


def test_two_files_are_not_read_for_interleaving(monkeypatch: pytest.MonkeyPatch) -> None:
    # line numbers of two files say nothing about each other: no source lines reach the scorer
    import aligner.align as align_module

    seen: list[bool] = []
    real = align_module._paragraph_side

    def spy(sentences, starts, paragraphs, one_source=True):  # type: ignore[no-untyped-def]
        side = real(sentences, starts, paragraphs, one_source)
        seen.append(side.first_lines is not None)
        return side

    monkeypatch.setattr(align_module, "_paragraph_side", spy)
    aligner.align_pair("\n".join(ZH_PARAGRAPHS), "\n".join(EN_PARAGRAPHS))
    assert seen == [False, False]
    aligner.align_text("\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS))
    assert seen[2:] == [True, True]
