"""Fit the confidence calibration on the tuning gold (``mac_dev``).

Aligns every ``mac_dev`` document with the default parameters, takes each
predicted bead with both sides, its *excess* (cost per sentence, × 2, above
that of a perfect 1-1 bead) and whether the gold holds it exactly, and fits
``P(right) = 1 / (1 + exp(-(a + b·excess)))`` by maximum likelihood
(Newton's method). Prints ``a``, ``b`` and how often the beads in each band
of the fitted confidence are right. Only ``mac_dev`` is used: the test sets
are never fitted on.

    python bench/calibrate.py
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import documents, gold_dir  # noqa: E402

import aligner  # noqa: E402
from aligner.align import AlignParams  # noqa: E402
from aligner.scoring import read_beads  # noqa: E402

BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.01)


def excesses(folder: Path, params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Excess and strict correctness of every two-sided bead of ``mac_dev``."""
    best = -math.log(max(params.sentence_priors.values()))
    xs: list[float] = []
    ys: list[bool] = []
    for doc in documents(folder, None):
        zh = (folder / f"{doc}.zh").read_text(encoding="utf-8")
        en = (folder / f"{doc}.en").read_text(encoding="utf-8")
        gold = set(read_beads(folder / f"{doc}.gold"))
        for bead in aligner.align_pair(zh, en, presplit=True, params=params).beads:
            if bead.zh and bead.en:
                xs.append((bead.cost - best) / (len(bead.zh) + len(bead.en)) * 2)
                ys.append((bead.zh, bead.en) in gold)
    return np.array(xs), np.array(ys, dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray, steps: int = 50) -> tuple[float, float]:
    """Maximum-likelihood logistic regression of ``y`` on ``x``: (a, b)."""
    design = np.stack([np.ones_like(x), x], axis=1)
    w = np.zeros(2)
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        gradient = design.T @ (y - p)
        hessian = (design * (p * (1 - p))[:, None]).T @ design
        w += np.linalg.solve(hessian + 1e-9 * np.eye(2), gradient)
    return float(w[0]), float(w[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", help="gold folder (default: ../shared/gold)")
    args = parser.parse_args(argv)
    folder = gold_dir(args.gold) / "mac_dev"
    if not folder.is_dir():
        print(f"calibrate: no tuning gold at {folder}; nothing to fit", file=sys.stderr)
        return 0
    x, y = excesses(folder, AlignParams())
    a, b = fit(x, y)
    print(f"{len(x)} beads, {y.mean():.3f} strictly right; fitted confidence_a = {a:.3f}, confidence_b = {b:.4f}")
    confidence = 1.0 / (1.0 + np.exp(-(a + b * x)))
    for lo, hi in zip(BANDS, BANDS[1:]):
        inside = (confidence >= lo) & (confidence < hi)
        if inside.any():
            print(f"confidence {lo:.1f}-{min(hi, 1.0):.1f}: {inside.sum():5d} beads, {y[inside].mean():.3f} right")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
