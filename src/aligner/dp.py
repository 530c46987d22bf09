"""The dynamic programme: the cheapest monotone path of beads within a band.

Two sequences of ``n`` and ``m`` units are aligned by a path of beads; a bead
of shape ``(a, b)`` takes the next ``a`` units of the first sequence and the
next ``b`` of the second. The caller supplies the shapes and a vectorised
bead-cost function; this module knows nothing of languages or files.

Cost and memory are proportional to ``n × band width``, not ``n × m``: row
``i`` holds only the columns ``lo[i] … hi[i]``. :func:`align_in_band` widens
the band and solves again where the best path runs along its edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from aligner.progress import rows_done

Shape = tuple[int, int]

#: ``bead_cost(a, b, i, j)`` → cost of the beads of shape ``(a, b)`` that end
#: at rows ``i`` and columns ``j`` (int arrays that broadcast together; a bead
#: ending at ``(i, j)`` covers units ``i-a … i-1`` and ``j-b … j-1``). It is
#: only asked about beads that lie inside the grid. Returns a float array of
#: the broadcast shape; ``inf`` forbids a bead. A cost function may also have
#: a ``prepare(band)`` method, called before the band is solved.
BeadCost = Callable[[int, int, np.ndarray, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class PathBead:
    """One bead of a path: units ``[i0, i1)`` and ``[j0, j1)``, with its cost."""

    i0: int
    i1: int
    j0: int
    j1: int
    cost: float


@dataclass(frozen=True)
class Band:
    """Inclusive column range ``lo[i] … hi[i]`` for each row ``i`` in ``0 … n``."""

    lo: np.ndarray
    hi: np.ndarray

    @classmethod
    def around(cls, center: np.ndarray, width: int, m: int) -> "Band":
        """A band of half-width ``width`` around a monotone ``center`` path.

        ``center[0]`` should be 0 and ``center[-1]`` should be ``m``; the
        band is made monotone and always contains ``(0, 0)`` and ``(n, m)``.
        """
        center = np.maximum.accumulate(np.clip(np.asarray(center, dtype=np.int64), 0, m))
        lo = np.clip(center - width, 0, m)
        hi = np.clip(center + width, 0, m)
        lo[0] = 0
        hi[-1] = m
        lo = np.minimum(lo, hi)
        return cls(lo=lo, hi=np.maximum.accumulate(hi))

    @classmethod
    def full(cls, n: int, m: int) -> "Band":
        """Every column in every row: the classic ``n × m`` programme."""
        return cls(lo=np.zeros(n + 1, dtype=np.int64), hi=np.full(n + 1, m, dtype=np.int64))

    def edge_rows(self, path: Sequence[PathBead], m: int) -> list[int]:
        """Rows where the path runs along a band edge that is not the grid's."""
        rows = []
        for bead in path:
            i, j = bead.i1, bead.j1
            if (j == self.lo[i] and self.lo[i] > 0) or (j == self.hi[i] and self.hi[i] < m):
                rows.append(i)
        return rows

    def widened(self, rows: Sequence[int], grow: int, m: int, reach: int | None = None) -> "Band":
        """The band with ``grow`` more columns on both sides near ``rows``.

        Rows within ``reach`` (default ``4 × grow``) of a listed row are
        widened; the result is made monotone again.
        """
        reach = 4 * grow if reach is None else reach
        n = len(self.lo) - 1
        near = np.zeros(n + 1, dtype=bool)
        for r in rows:
            near[max(0, r - reach) : min(n, r + reach) + 1] = True
        lo = np.where(near, np.maximum(self.lo - grow, 0), self.lo)
        hi = np.where(near, np.minimum(self.hi + grow, m), self.hi)
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        return Band(lo=lo, hi=hi)

    @property
    def cells(self) -> int:
        """Number of grid cells inside the band."""
        return int((self.hi - self.lo + 1).sum())


def solve(
    n: int, m: int, shapes: Sequence[Shape], bead_cost: BeadCost, band: Band, block: int = 256
) -> list[PathBead]:
    """The cheapest path from ``(0, 0)`` to ``(n, m)`` inside ``band``.

    ``shapes`` may contain ``(0, 1)`` (handled by a prefix-minimum scan
    within a row); every other shape must have ``a >= 1``, and there must
    be one. Rows are taken ``block`` at a time: bead costs are computed for
    the block at once, vectorised over the band, and the block's arrays are
    as wide as its widest row. Within a row, every shape is weighed at once
    (a gather from the rows before, then a minimum over shapes; ties go to
    the earlier shape). Memory: O(cells in the band). Raises ``ValueError``
    if no path exists inside the band.
    """
    if any(s[0] == 0 and s != (0, 1) for s in shapes):
        raise ValueError("shapes with an empty first side must be (0, 1)")
    if all(a == 0 for a, _ in shapes):
        raise ValueError("at least one shape must take a unit of the first sequence")
    prepare = getattr(bead_cost, "prepare", None)
    if prepare is not None:
        prepare(band)
    gap = next((k for k, s in enumerate(shapes) if s == (0, 1)), None)
    kinds = np.array([k for k, (a, _) in enumerate(shapes) if a > 0], dtype=np.int8)
    rise = np.array([shapes[k][0] for k in kinds], dtype=np.int64)
    run = np.array([shapes[k][1] for k in kinds], dtype=np.int64)
    reach = int(rise.max())
    lo = band.lo.astype(np.int64)
    costs: list[np.ndarray] = []
    moves: list[np.ndarray] = []

    for first in range(0, n + 1, block):
        rows = np.arange(first, min(first + block, n + 1), dtype=np.int64)
        width = int((band.hi[rows] - band.lo[rows]).max()) + 1
        block_costs = _block_costs(shapes, bead_cost, band, rows, np.arange(width, dtype=np.int64))
        row_costs = block_costs[:, kinds]
        # The ``reach`` rows before the block and the block's own rows, each
        # at its own ``lo``, between inf margins: a bead of shape (a, b)
        # ending at column k of row i starts at column k + shift of row i - a.
        earlier = [costs[p] for p in range(max(first - reach, 0), first)]
        margin = int(run.max()) + 1
        table = np.full((reach + len(rows), margin + max([width, *map(len, earlier)]) + 1), np.inf)
        for t, prev in enumerate(earlier, start=reach - len(earlier)):
            table[t, margin : margin + len(prev)] = prev
        start = rows[:, None] - rise[None, :]
        shift = lo[rows][:, None] - run[None, :] - lo[np.maximum(start, 0)]
        col = np.clip(margin + shift[:, :, None] + np.arange(width), 0, table.shape[1] - 1)
        source = (start - first + reach)[:, :, None] * table.shape[1] + col
        flat = table.reshape(-1)
        running = _gap_sums(block_costs[:, gap]) if gap is not None and width > 1 else None
        for r, i in enumerate(rows.tolist()):
            total = flat.take(source[r])
            total += row_costs[r]
            best, move = total.min(axis=0), kinds[total.argmin(axis=0)]
            if i == 0:
                best[0] = 0.0
            if running is not None:
                best, move = _scan_gaps(best, move, running[r], gap)
            table[reach + r, margin : margin + width] = best
            costs.append(best)
            moves.append(move)
        rows_done(int(rows[-1]) + 1, n + 1)

    end = m - int(lo[n])
    if not (0 <= end < len(costs[n])) or not np.isfinite(costs[n][end]):
        raise ValueError("no path inside the band")
    return _trace(shapes, lo, costs, moves, n, m)


def _block_costs(
    shapes: Sequence[Shape], bead_cost: BeadCost, band: Band, rows: np.ndarray, offsets: np.ndarray
) -> np.ndarray:
    """Cost of every shape at every band cell of ``rows``: ``out[r, s, k]`` for
    shape ``s`` at column ``lo[rows[r]] + k``, ``inf`` outside the band or the grid."""
    cols = band.lo[rows][:, None] + offsets[None, :]
    inside = cols <= band.hi[rows][:, None]
    out = np.full((len(rows), len(shapes), len(offsets)), np.inf)
    for s, (a, b) in enumerate(shapes):
        ok = inside & (cols >= b) & (rows[:, None] >= a)
        if ok.any():
            values = bead_cost(a, b, np.maximum(rows, a)[:, None], np.clip(cols, b, band.hi[-1]))
            out[:, s] = np.where(ok, values, np.inf)
    return out


def _gap_sums(gap_costs: np.ndarray) -> np.ndarray:
    """Running sums, along each row, of the ``(0, 1)`` bead costs; none ends
    at a row's first column from inside the row."""
    gaps = gap_costs.copy()
    gaps[:, 0] = 0.0
    return np.cumsum(gaps, axis=1)


def _scan_gaps(best: np.ndarray, move: np.ndarray, running: np.ndarray, gap_index: int) -> tuple[np.ndarray, np.ndarray]:
    """Allow chains of ``(0, 1)`` beads within one row in O(width).

    ``D[j] = min(best[j], D[j-1] + gap[j])`` unrolls to
    ``C[j] + min_{k<=j}(best[k] - C[k])`` with ``C`` the running sum of gaps
    (``running``); column ``j`` is reached by a gap when that minimum is
    below ``best[j] - C[j]``. Columns past the band's end have infinite
    costs; the NaNs they make (inf - inf) stay in those columns, which are
    never chained.
    """
    with np.errstate(invalid="ignore"):
        shifted = best - running
        low = np.minimum.accumulate(shifted)
        chained = shifted > low
    return np.where(chained, running + low, best), np.where(chained, np.int8(gap_index), move)


def _trace(
    shapes: Sequence[Shape], lo: np.ndarray, costs: Sequence[np.ndarray], moves: Sequence[np.ndarray], n: int, m: int
) -> list[PathBead]:
    path: list[PathBead] = []
    i, j = n, m
    while i > 0 or j > 0:
        col = j - int(lo[i])
        a, b = shapes[int(moves[i][col])]
        pi, pj = i - a, j - b
        step = costs[i][col] - costs[pi][pj - int(lo[pi])]
        path.append(PathBead(pi, i, pj, j, float(step)))
        i, j = pi, pj
    path.reverse()
    return path


def align_in_band(
    n: int,
    m: int,
    shapes: Sequence[Shape],
    bead_cost: BeadCost,
    center: np.ndarray,
    width: int = 64,
    full_below: int = 250_000,
) -> list[PathBead]:
    """Solve inside a band around ``center``, widening it where the path
    runs along its edge, until it does so nowhere.

    Grids of at most ``full_below`` cells are solved whole. Otherwise the
    half-width starts at ``width``; each round widens the rows near the
    edge-touching places by the current growth step, which doubles.
    """
    if (n + 1) * (m + 1) <= full_below:
        return solve(n, m, shapes, bead_cost, Band.full(n, m))
    band = Band.around(center, width, m)
    grow = width
    while True:
        try:
            path: list[PathBead] | None = solve(n, m, shapes, bead_cost, band)
            touched = band.edge_rows(path, m) if path is not None else []
        except ValueError:
            path, touched = None, list(range(n + 1))
        if path is not None and not touched:
            return path
        if band.cells >= (n + 1) * (m + 1):
            if path is None:  # pragma: no cover - the full grid always has a path
                raise ValueError("no path")
            return path
        band = band.widened(touched, grow, m)
        grow *= 2
