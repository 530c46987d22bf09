"""Cheap lexical evidence: numerals, English keys, names, coverage."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.dp import Band
from aligner.evidence import LexicalEvidence, default_lexicon, en_keys, parse_cedict, zh_keys, zh_numeral_value


@pytest.mark.parametrize(
    ("text", "value"),
    [("三", 3), ("十", 10), ("十五", 15), ("二十九", 29), ("一百零五", 105), ("两千", 2000),
     ("二〇二四", 2024), ("三万五千", 35000), ("一亿", 100_000_000), ("第", None), ("", None)],
)
def test_zh_numerals(text: str, value: int | None) -> None:
    assert zh_numeral_value(text) == value


def test_en_keys_drop_function_words_and_normalise_numbers() -> None:
    keys = en_keys("The two sides met in 2024 and signed 3.5 agreements.")
    assert "the" not in keys and "and" not in keys
    assert "#2" in keys and "#2024" in keys and "#3.5" in keys
    assert "sign" in keys  # stemmed


def test_full_width_digits_and_letters_meet_their_half_width_form() -> None:
    lexicon = default_lexicon()
    wide = set().union(*zh_keys("２０２４年ＧＤＰ增长５．２％。", lexicon))
    assert {"#2024", "#5.2", "gdp"} <= wide
    assert {"#2024", "#5.2", "gdp"} <= set(en_keys("In ２０２４ GDP grew by 5.2%."))


def test_a_name_followed_by_a_one_character_word_keeps_its_keys() -> None:
    lexicon = default_lexicon()
    for text in ("陈清扬说，她是破鞋。", "陈清扬把我拽住。"):
        assert {"chen", "qingyang"} <= zh_keys(text, lexicon)[0]
    assert set(en_keys("Chen Qingyang said so.", lexicon)) >= {"chen", "qingyang"}


def test_curly_apostrophes_read_as_straight_ones() -> None:
    assert en_keys("She didn’t say the farmer’s name.") == en_keys("She didn't say the farmer's name.")


def test_parse_cedict_keeps_glosses_and_readings() -> None:
    entries, readings = parse_cedict(
        [
            "# comment",
            "銀行 银行 [yin2 hang2] /bank/CL:家[jia1]/",
            "陳 陈 [Chen2] /surname Chen/",
            "陳 陈 [chen2] /to lay out; to exhibit/old; stale/",
            "女 女 [nu:3] /female/woman/",
        ]
    )
    assert entries["银行"] == entries["銀行"] == frozenset({"bank"})
    assert "exhibit" in entries["陈"] and "jia" not in entries["银行"]
    assert readings["陈"] == ("chen",) and readings["女"] == ("nu",)


def test_translation_pairs_have_higher_coverage_than_non_pairs() -> None:
    lexicon = default_lexicon()
    zh = ["银行今天关门了。", "他买了三本书。"]
    en = ["The bank closed today.", "He bought three books."]
    evidence = LexicalEvidence.from_keys([zh_keys(t, lexicon) for t in zh], [en_keys(t, lexicon) for t in en])
    evidence.prepare(Band.full(2, 2))
    right = [evidence.coverage(1, 1, 1, np.array([1]))[0], evidence.coverage(1, 1, 2, np.array([2]))[0]]
    wrong = [evidence.coverage(1, 1, 1, np.array([2]))[0], evidence.coverage(1, 1, 2, np.array([1]))[0]]
    assert min(right) > max(wrong)
    assert all(0.0 <= c <= 1.0 for c in right + wrong)


def test_a_short_sentence_goes_where_its_own_words_are_translated() -> None:
    # zh: A (one of four words translated by E1), B ("pray" and an unknown
    # word; "pray" is in E1), C (fully translated by E2). Pooled per bead,
    # [B, C] : E2 looks better, because C's many matched words hide B's.
    zh = [
        [frozenset({"a1"}), frozenset({"a2"}), frozenset({"a3"}), frozenset({"a4"})],
        [frozenset({"pray"}), frozenset({"q"})],
        [frozenset({f"c{k}"}) for k in range(12)],
    ]
    en = [["a1", "x1", "x2", "x3", "pray"], [f"c{k}" for k in range(12)]]
    evidence = LexicalEvidence.from_keys(zh, en)
    evidence.prepare(Band.full(3, 2))

    def cost(a: int, b: int, i: int, j: int) -> float:
        return float(evidence(a, b, np.array([i]), np.array([j]))[0])

    def pooled(a: int, b: int, i: int, j: int) -> float:
        return float(evidence.weight * (1 - evidence.coverage(a, b, np.array([i]), np.array([j]))[0]) * (a + b) / 2)

    for bead_cost, b_goes_with_e1 in ((cost, True), (pooled, False)):
        with_e1 = bead_cost(2, 1, 2, 1) + bead_cost(1, 1, 3, 2)  # [A, B] : E1, [C] : E2
        with_e2 = bead_cost(1, 1, 1, 1) + bead_cost(2, 1, 3, 2)  # [A] : E1, [B, C] : E2
        assert (with_e1 < with_e2) == b_goes_with_e1
    assert cost(1, 1, 3, 2) == pytest.approx(0.0)  # a fully explained bead costs nothing
    assert cost(1, 0, 1, 0) == pytest.approx(evidence.weight / 2)  # a unit left alone: all unexplained


def test_names_match_through_pinyin() -> None:
    lexicon = default_lexicon()
    keys = set().union(*zh_keys("刘振民特使出席了会议。", lexicon))
    assert "liu" in keys or "liuzhenmin" in keys
    assert "zhenmin" in en_keys("Special Envoy Liu Zhenmin attended.", lexicon)
    assert "zhenmin" in keys
