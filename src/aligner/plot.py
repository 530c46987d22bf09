"""Plots of an alignment (matplotlib, imported only here).

* :func:`plot_path`: the bead path over the zh-sentence × en-sentence grid,
  one point per bead coloured by confidence, paragraph boundaries as faint
  lines; a good alignment is a staircase near the diagonal, and weak or
  one-sided beads stand out.
* :func:`plot_length_ratios`: for each bead, log2 of the English length over
  the length the model expects from the Chinese; beads far from 0 are the
  ones to check.

Both return the matplotlib ``Axes`` and work headless (Agg) and in Jupyter.
"""

from __future__ import annotations

import math
from typing import Any

from aligner.length import LengthModel
from aligner.model import Alignment


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(6, 6))
    return ax


def plot_path(alignment: Alignment, ax: Any = None) -> Any:
    """The alignment path; one scatter point per bead (x: zh, y: en)."""
    ax = _axes(ax)
    xs, ys, conf = [], [], []
    i = j = 0
    path_x, path_y = [0.0], [0.0]
    for bead in alignment.beads:
        i1, j1 = i + len(bead.zh), j + len(bead.en)
        path_x.append(i1)
        path_y.append(j1)
        xs.append((i + i1) / 2)
        ys.append((j + j1) / 2)
        conf.append(bead.confidence)
        i, j = i1, j1
    for k in range(1, len(alignment.zh)):
        if alignment.zh[k].paragraph != alignment.zh[k - 1].paragraph:
            ax.axvline(k, color="#cccccc", linewidth=0.5, zorder=0)
    for k in range(1, len(alignment.en)):
        if alignment.en[k].paragraph != alignment.en[k - 1].paragraph:
            ax.axhline(k, color="#cccccc", linewidth=0.5, zorder=0)
    ax.plot(path_x, path_y, color="#888888", linewidth=0.8, zorder=1)
    points = ax.scatter(xs, ys, c=conf, cmap="RdYlGn", vmin=0.0, vmax=1.0, s=18, zorder=2)
    ax.figure.colorbar(points, ax=ax, label="confidence")
    ax.set_xlabel("Chinese sentence")
    ax.set_ylabel("English sentence")
    ax.set_xlim(0, max(len(alignment.zh), 1))
    ax.set_ylim(0, max(len(alignment.en), 1))
    ax.set_title("alignment path")
    return ax


def length_ratios(alignment: Alignment, model: LengthModel | None = None) -> list[float]:
    """log2(English length / expected English length) of each two-sided bead."""
    model = model or LengthModel()
    ratios = []
    for bead in alignment.beads:
        if bead.zh and bead.en:
            zh = model.zh_length(alignment.text(bead, "zh"))
            en = model.en_length(alignment.text(bead, "en"))
            ratios.append(math.log2(max(en, 1.0) / max(model.ratio * zh, 1.0)))
    return ratios


def plot_length_ratios(alignment: Alignment, ax: Any = None, model: LengthModel | None = None) -> Any:
    """Length ratio per bead against its position; |log2 ratio| > 1 in red."""
    ax = _axes(ax)
    ratios = length_ratios(alignment, model)
    colours = ["#d62728" if abs(r) > 1 else "#1f77b4" for r in ratios]
    ax.scatter(range(len(ratios)), ratios, c=colours, s=14)
    ax.axhline(0, color="#888888", linewidth=0.8)
    for bound in (-1, 1):
        ax.axhline(bound, color="#d62728", linewidth=0.5, linestyle="--")
    ax.set_xlabel("bead (two-sided beads, in order)")
    ax.set_ylabel("log2(English / expected length)")
    ax.set_title("length ratio per bead")
    return ax


def figure_svg(ax: Any) -> str:
    """The figure of ``ax`` as an inline SVG string (and the figure closed)."""
    import io

    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    ax.figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(ax.figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]
