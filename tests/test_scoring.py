"""Scoring: strict and lax P/R/F1 on hand-made cases, verse merging, readers."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from aligner.errors import InputError, UsageError
from aligner.scoring import Scores, evaluate, format_gold, merge_by_verse, parse_gold, parse_tsv_beads, read_beads, score
from conftest import shared

GOLD = [((0,), (0,)), ((1, 2), (1,)), ((3,), (2, 3)), ((4,), ())]


def test_exact_match_scores_one() -> None:
    s = score(GOLD, GOLD)
    assert (s.strict_p, s.strict_r, s.strict_f1) == (1.0, 1.0, 1.0)
    assert (s.lax_p, s.lax_r) == (1.0, 1.0)
    assert s.as_dict() == {"strict_p": 1.0, "strict_r": 1.0, "strict_f1": 1.0, "lax_p": 1.0, "lax_r": 1.0, "lax_f1": 1.0}


def test_partial_match() -> None:
    pred = [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2, 3)), ((4,), ())]
    s = score(pred, GOLD)
    # strict: (0)-(0), (3)-(2,3) and the exact 1-0 bead (4)-() of 5 predicted;
    # 2 of the 3 gold beads with both sides
    assert s.strict_p == pytest.approx(3 / 5)
    assert s.strict_r == pytest.approx(2 / 3)
    # lax: (1)-(1) overlaps gold (1,2)-(1); the inexact 1-0 bead (2)-() does not
    assert s.lax_p == pytest.approx(4 / 5)
    assert s.lax_r == pytest.approx(3 / 3)


def test_gold_one_sided_beads_never_count_for_recall() -> None:
    s = score([((0,), (0,))], [((0,), (0,)), ((1,), ()), ((), (1,))])
    assert s.n_gold == 1 and s.strict_r == 1.0


def test_predicted_one_sided_beads_count_against_precision() -> None:
    s = score([((0,), (0,)), ((1,), ()), ((), (1,))], [((0,), (0,)), ((1,), (1,))])
    assert s.strict_p == pytest.approx(1 / 3)


def test_one_giant_bead_is_lax_perfect_and_strict_zero() -> None:
    s = score([((0, 1, 2, 3, 4), (0, 1, 2, 3))], GOLD)
    assert s.lax_p == 1.0 and s.lax_r == 1.0
    assert s.strict_f1 == 0.0


def test_combine_sums_counts() -> None:
    a = score(GOLD, GOLD)
    b = score([((0,), (1,))], [((0,), (0,))])
    total = Scores.combine([a, b])
    assert total.n_pred == a.n_pred + b.n_pred
    assert total.strict_p == pytest.approx((a.strict_tp_p + b.strict_tp_p) / (a.n_pred + b.n_pred))


def test_merge_by_verse() -> None:
    zh_verses = ["Gen:1:1", "Gen:1:1", "Gen:1:2", "Gen:1:2"]
    en_verses = ["Gen:1:1", "Gen:1:2"]
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), ())]
    assert merge_by_verse(beads, zh_verses, en_verses) == [((0, 1), (0,)), ((2, 3), (1,))]
    # a bead spanning two verses is never merged with its neighbours
    beads = [((0,), ()), ((1, 2), (0, 1)), ((3,), ())]
    assert merge_by_verse(beads, zh_verses, en_verses) == beads


def test_gold_format_round_trip_and_errors() -> None:
    text = "[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2]\n"
    beads = parse_gold(text)
    assert beads == [((0,), (0,)), ((1, 2), (1,)), ((3,), ()), ((), (2,))]
    assert format_gold(beads) == text
    with pytest.raises(InputError, match="gold:2"):
        parse_gold("[0]:[0]\n[1 2]:[1\n")


def test_tsv_ids_are_read(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text("zh\ten\tkind\tconfidence\tzh_ids\ten_ids\n甲乙\tA\t2-1\t0.9\t0,1\t0\n\tB\t0-1\t0\t\t1\n", encoding="utf-8")
    assert read_beads(path) == [((0, 1), (0,)), ((), (1,))]
    with pytest.raises(InputError, match="zh_ids"):
        parse_tsv_beads("zh\ten\n甲\tA\n")


def test_peer_scores_on_mac_test_are_reproduced() -> None:
    mac = shared("gold", "mac")
    expected = {"galechurch": 0.491, "hunalign": 0.627, "bleualign": 0.680, "mbert": 0.915}
    for system, f1 in expected.items():
        total = Scores.combine(
            evaluate(mac / "peers" / system / (Path(g).stem + ".align"), g) for g in sorted(glob.glob(str(mac / "*.gold")))
        )
        assert total.strict_f1 == pytest.approx(f1, abs=0.001), system


def test_the_package_function_stays_callable_after_its_module_is_imported() -> None:
    import aligner
    import aligner.scoring  # noqa: F401  (binding the module used to hide the function)

    beads = [((0,), (0,))]
    assert aligner.evaluate(beads, beads).strict_f1 == 1.0
    assert aligner.evaluate(beads, beads).strict_f1 == 1.0


def test_alignments_and_bead_objects_are_scored_like_id_pairs(tmp_path: Path) -> None:
    import aligner

    alignment = aligner.align_pair(["我爱北京。", "北京是首都。"], ["I love Beijing.", "Beijing is the capital."], presplit=True)
    gold = tmp_path / "bom.gold"
    gold.write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8-sig")  # a byte-order mark, as some editors write
    pairs = [(b.zh, b.en) for b in alignment.beads]
    expected = evaluate(pairs, gold)
    assert evaluate(alignment, gold) == evaluate(alignment.beads, gold) == expected
    assert expected.strict_f1 == 1.0


def test_verse_ids_must_cover_the_beads_and_come_for_both_sides() -> None:
    beads = [((0,), (0,)), ((1,), (1,))]
    with pytest.raises(InputError, match="verse ids"):
        evaluate(beads, beads, ["v1"], ["v1", "v2"])
    with pytest.raises(UsageError, match="both sides"):
        evaluate(beads, beads, ["v1", "v2"], None)
