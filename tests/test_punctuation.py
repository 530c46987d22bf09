"""Punctuation evidence: end classes, question marks, and their effect on beads."""

from __future__ import annotations

import pytest

import aligner
from aligner.punctuation import CLAUSE, FINAL, OTHER, end_class, quote_balance, questions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他走了。", FINAL),
        ("“你去哪儿？”", FINAL),
        ("He left.", FINAL),
        ('"Where are you going?"', FINAL),
        ("在那些日子，", CLAUSE),
        ("And God said,", CLAUSE),
        ("and the earth;", CLAUSE),
        ("he said:", CLAUSE),
        ("A Title", OTHER),
        ("", OTHER),
    ],
)
def test_end_class(text: str, expected: int) -> None:
    assert end_class(text) == expected


def test_questions() -> None:
    assert questions("你去哪儿？他问。Why? Why not?") == 3
    assert questions("No question here.") == 0


def _bead_cost(zh: list[str], en: list[str], **params: float) -> float:
    """Cost of the single bead pairing all of ``zh`` with all of ``en``."""
    import numpy as np

    from aligner.align import AlignParams, _scorer, sentence_sides
    from aligner.model import Sentence

    options = AlignParams(lexical_weight=0.0, **params)
    zh_side, en_side = sentence_sides(
        [Sentence(t, "zh", k) for k, t in enumerate(zh)], [Sentence(t, "en", k) for k, t in enumerate(en)], options
    )
    scorer = _scorer(zh_side, en_side, {(len(zh), len(en)): 0.5}, options)
    return float(scorer(len(zh), len(en), np.array(len(zh)), np.array([len(en)]))[0])


def test_a_question_on_one_side_only_costs_more() -> None:
    asks = _bead_cost(["你明天什么时候来？"], ["When will you come tomorrow?"])
    one_sided = _bead_cost(["你明天什么时候来。"], ["When will you come tomorrow?"])
    off = _bead_cost(["你明天什么时候来。"], ["When will you come tomorrow?"], question_mismatch_cost=0.0)
    assert one_sided - off == pytest.approx(0.7)
    assert asks == pytest.approx(off)


def test_a_full_stop_against_a_comma_costs_more() -> None:
    same = _bead_cost(["地是空虚混沌，"], ["And the earth was without form,"], end_mismatch_cost=1.0)
    clash = _bead_cost(["地是空虚混沌。"], ["And the earth was without form,"], end_mismatch_cost=1.0)
    assert clash - same == pytest.approx(1.0)
    assert _bead_cost(["地是空虚混沌。"], ["And the earth was without form,"]) == pytest.approx(same)  # off by default


def test_clause_ends_keep_verse_pieces_apart() -> None:
    zh = "起初，神创造天地。\n地是空虚混沌，\n渊面黑暗。"
    en = "In the beginning God created the heaven and the earth.\nAnd the earth was without form, and void; and darkness was upon the face of the deep."
    alignment = aligner.align_pair(zh, en, presplit=True)
    assert [(b.zh, b.en) for b in alignment.beads] == [((0,), (0,)), ((1, 2), (1,))]


@pytest.mark.parametrize(
    ("text", "balance"),
    [
        ("“你好，”他说，“我们走吧。", 1),  # opens a quotation it does not close
        ("我们走吧。”", -1),
        ("“走吧。”他说。", 0),
        ("「好」他说。", 0),
        ("'I'll jump out and scare him off,", 1),  # British single quotes; I'll is no quote
        ("then I can eat.'", -1),
        ("'Why, he's just another scavenger like me!' thought Trinket.", 0),
        ("He didn’t go, and the students' hall was shut.", -1),  # a plural possessive reads as a close
        ('"Stop," he said, "now."', 0),
        ("No quotation here.", 0),
    ],
)
def test_quote_balance(text: str, balance: int) -> None:
    assert quote_balance(text) == balance


def test_a_quotation_left_open_on_one_side_only_costs_more() -> None:
    both_open = _bead_cost(["他说：“我们走吧。"], ["He said, 'Let us go."])
    one_open = _bead_cost(["他说：“我们走吧。”"], ["He said, 'Let us go."])
    off = _bead_cost(["他说：“我们走吧。”"], ["He said, 'Let us go."], quote_mismatch_cost=0.0)
    assert one_open - off == pytest.approx(0.5)
    assert both_open == pytest.approx(_bead_cost(["他说：“我们走吧。"], ["He said, 'Let us go."], quote_mismatch_cost=0.0))


def test_a_quotation_is_not_cut_on_one_side_only() -> None:
    # By length alone the second English sentence, which ends the quotation,
    # goes with the narration after it.
    zh = "“快坐下。\n我们等你很久了，饭菜都凉了，汤也凉了，大家都饿坏了。”\n他笑着坐了下来。"
    en = "'Sit down, sit down, you must be tired after such a long and dusty road, sit down.\nThe food is cold.'\nHe sat down, smiling."

    def beads(**params: float) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        options = aligner.AlignParams(lexical_weight=0.0, **params)
        return [(b.zh, b.en) for b in aligner.align_pair(zh, en, presplit=True, params=options).beads]

    assert beads(quote_mismatch_cost=0.0) == [((0, 1), (0,)), ((2,), (1, 2))]
    assert beads() == [((0, 1), (0, 1)), ((2,), (2,))]
