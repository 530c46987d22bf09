"""The length model: units, the tail cost and its numerics."""

from __future__ import annotations

import math

import numpy as np
import pytest

from aligner.length import LengthModel, log_erfc, two_sided_tail_cost


@pytest.mark.parametrize("z", [0.0, 0.05, 0.3, 1.0, 2.5, 4.0, 7.0, 12.0])
def test_log_erfc_matches_math(z: float) -> None:
    expected = math.log(math.erfc(z))
    assert log_erfc(np.array([z]))[0] == pytest.approx(expected, rel=1e-6, abs=1e-7)


def test_tail_cost_is_zero_at_zero_and_grows() -> None:
    costs = two_sided_tail_cost(np.array([0.0, 0.5, 1.0, 2.0, 40.0]))
    assert costs[0] == pytest.approx(0.0, abs=1e-6)
    assert all(np.diff(costs) > 0)
    assert np.isfinite(costs[-1])


def test_latin_letters_in_chinese_count_at_the_english_rate() -> None:
    model = LengthModel(ratio=4.0)
    assert model.zh_length("中文") == 2
    assert model.zh_length("中文 COP29") == pytest.approx(2 + 5 / 4.0)
    assert model.en_length("a b  c\td") == 4


def test_cost_prefers_the_expected_ratio() -> None:
    model = LengthModel()
    zh = 20
    expected = model.ratio * zh
    good, short, long_ = model.cost(np.array([zh, zh, zh]), np.array([expected, expected / 3, expected * 3]))
    assert good < short and good < long_
    # an empty side is scored, not an error
    assert np.isfinite(model.cost(0, 30)) and model.cost(0, 30) > good
