"""The dynamic programme against brute force on small grids."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.dp import Band, PathBead, align_in_band, solve

SHAPES = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)]


def table_cost(table: dict[tuple[int, int, int, int], float]):
    def cost(a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        rows, cols = np.broadcast_arrays(i, j)
        return np.array([table[(a, b, int(x), int(y))] for x, y in zip(rows.ravel(), cols.ravel())]).reshape(rows.shape)

    return cost


def brute_force(n: int, m: int, table) -> float:
    """Cheapest path cost by exhaustive recursion (fine for n, m <= 5)."""
    memo: dict[tuple[int, int], float] = {}

    def best(i: int, j: int) -> float:
        if (i, j) == (0, 0):
            return 0.0
        if (i, j) in memo:
            return memo[(i, j)]
        options = [
            best(i - a, j - b) + table[(a, b, i, j)]
            for a, b in SHAPES
            if i - a >= 0 and j - b >= 0
        ]
        memo[(i, j)] = min(options) if options else math.inf
        return memo[(i, j)]

    return best(n, m)


def random_table(n: int, m: int, seed: int) -> dict[tuple[int, int, int, int], float]:
    rng = np.random.default_rng(seed)
    return {
        (a, b, i, j): float(rng.uniform(0, 10))
        for a, b in SHAPES
        for i in range(n + 1)
        for j in range(m + 1)
    }


def check_path(path: list[PathBead], n: int, m: int) -> None:
    assert path[0].i0 == 0 and path[0].j0 == 0
    assert path[-1].i1 == n and path[-1].j1 == m
    for prev, nxt in zip(path, path[1:]):
        assert (prev.i1, prev.j1) == (nxt.i0, nxt.j0)
    for bead in path:
        assert (bead.i1 - bead.i0, bead.j1 - bead.j0) in SHAPES


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 5), m=st.integers(0, 5), seed=st.integers(0, 10_000))
def test_full_band_matches_brute_force(n: int, m: int, seed: int) -> None:
    if n == 0 and m == 0:
        return
    table = random_table(n, m, seed)
    path = solve(n, m, SHAPES, table_cost(table), Band.full(n, m))
    check_path(path, n, m)
    total = sum(b.cost for b in path)
    assert total == pytest.approx(brute_force(n, m, table))
    # each bead's cost is the table entry of its shape and end cell
    for b in path:
        assert b.cost == pytest.approx(table[(b.i1 - b.i0, b.j1 - b.j0, b.i1, b.j1)])


def test_gap_chains_within_a_row() -> None:
    # Only (0, 1) beads are cheap: the best path must use long gap chains.
    n, m = 2, 6
    table = {(a, b, i, j): (0.1 if (a, b) in {(0, 1), (1, 0)} else 5.0) for a, b in SHAPES for i in range(n + 1) for j in range(m + 1)}
    path = solve(n, m, SHAPES, table_cost(table), Band.full(n, m))
    check_path(path, n, m)
    assert sum(b.cost for b in path) == pytest.approx(brute_force(n, m, table))
    assert [(b.i1 - b.i0, b.j1 - b.j0) for b in path].count((0, 1)) == 6


def test_band_widens_until_the_path_fits() -> None:
    # 30 extra second-side units sit in the middle: the true path leaves the
    # straight centre line by up to 30 columns, so a band of 4 must widen.
    n, m = 600, 630

    def offset(i: np.ndarray | int) -> np.ndarray:
        return np.where(np.asarray(i) > 300, 30, 0)

    def cost(a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        if (a, b) == (1, 1):
            return np.where(j - i == offset(i), 0.0, 1.0)
        return np.full(j.shape, 0.6)

    center = np.round(np.arange(n + 1) * m / n).astype(np.int64)
    path = align_in_band(n, m, SHAPES, cost, center, width=4, full_below=0)
    check_path(path, n, m)
    assert sum(b.cost for b in path) == pytest.approx(30 * 0.6)
    full = solve(n, m, SHAPES, cost, Band.full(n, m))
    assert sum(b.cost for b in path) == pytest.approx(sum(b.cost for b in full))


def test_band_edges_are_monotone_and_contain_the_corners() -> None:
    band = Band.around(np.array([0, 5, 3, 9, 10]), 2, 10)
    assert band.lo[0] == 0 and band.hi[-1] == 10
    assert all(np.diff(band.lo) >= 0) and all(np.diff(band.hi) >= 0)
    assert all(band.lo <= band.hi)
