"""Shared types of the pipeline: load → split → align → export.

Everything here is plain data. Algorithms live in their own modules and
exchange these types:

* :class:`Paragraph` — a block of one language as the loader found it;
* :class:`SetAside` — a source block kept out of the alignment (boilerplate);
* :class:`Document` — the two paragraph streams of one source;
* :class:`Sentence` — one sentence of a stream, with where it came from;
* :class:`Bead` — a group of consecutive zh sentences aligned to a group of
  consecutive en sentences (either group may be empty);
* :class:`Alignment` — the sentences of both streams and the beads over them.

Invariant of an :class:`Alignment`: the beads are monotone and cover every
sentence of each stream exactly once, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Literal, Sequence

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, Lang] = ("zh", "en")


@dataclass(frozen=True)
class Paragraph:
    """A block of text in one language.

    ``lines`` is the 0-based source line range ``[start, end)`` the block
    came from (after decoding and line-end normalisation); ``breaks`` are the
    offsets in ``text`` where its later source lines begin, each with that
    line's number, when hard-wrapped lines were joined into it (a line break
    kept in ``text`` counts one line too).
    """

    lang: Lang
    text: str
    lines: tuple[int, int]
    breaks: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class SetAside:
    """A source block that belongs to no translation pair, with the reason."""

    text: str
    lines: tuple[int, int]
    reason: str


@dataclass(frozen=True)
class Document:
    """One bilingual source split into a zh and an en paragraph stream.

    ``layout`` names the arrangement the loader recognised (for example
    ``"zh-then-en"``, ``"en-then-zh"``, ``"alternating"``, ``"two-files"``).
    """

    zh: list[Paragraph]
    en: list[Paragraph]
    set_aside: list[SetAside] = field(default_factory=list)
    layout: str = "unknown"
    encoding: str = "utf-8"
    source: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a language stream.

    ``index`` is its 0-based position in the stream, ``paragraph`` the
    0-based index of its paragraph in the same stream, ``line`` its 0-based
    source line.
    """

    text: str
    lang: Lang
    index: int
    paragraph: int = 0
    line: int = 0


@dataclass(frozen=True)
class Bead:
    """Consecutive zh sentence indices aligned to consecutive en indices.

    ``confidence`` is in [0, 1]: the estimated probability that the bead is
    right. ``cost`` is the aligner's raw cost for the bead (lower is better).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float = 1.0
    cost: float = 0.0

    @property
    def kind(self) -> str:
        """Bead type as ``"<n zh>-<n en>"``, e.g. ``"2-1"`` or ``"0-1"``."""
        return f"{len(self.zh)}-{len(self.en)}"


def join_sentences(texts: Sequence[str], lang: Lang) -> str:
    """Join one side of a bead: Chinese without a space, English with one."""
    return ("" if lang == "zh" else " ").join(texts)


@dataclass
class Alignment:
    """Sentences of both streams and the beads that pair them.

    The beads cover ``zh`` and ``en`` exactly once each, in order.
    """

    zh: list[Sentence]
    en: list[Sentence]
    beads: list[Bead]
    set_aside: list[SetAside] = field(default_factory=list)
    source: str | None = None
    layout: str = "unknown"

    def __len__(self) -> int:
        return len(self.beads)

    def __iter__(self) -> Iterator[Bead]:
        return iter(self.beads)

    def text(self, bead: Bead, lang: Lang) -> str:
        """One side of ``bead`` as text, joined as :func:`join_sentences` does."""
        sents = self.zh if lang == "zh" else self.en
        idx = bead.zh if lang == "zh" else bead.en
        return join_sentences([sents[i].text for i in idx], lang)

    def pairs(self) -> list[tuple[str, str]]:
        """``(zh, en)`` texts of every bead, in order (a side may be empty)."""
        return [(self.text(b, "zh"), self.text(b, "en")) for b in self.beads]

    def to_frame(self) -> "pd.DataFrame":
        """The beads as a pandas DataFrame, one row per bead."""
        import pandas as pd

        rows = [
            {
                "zh": self.text(b, "zh"),
                "en": self.text(b, "en"),
                "kind": b.kind,
                "confidence": b.confidence,
                "zh_ids": list(b.zh),
                "en_ids": list(b.en),
                "zh_lines": sorted({self.zh[i].line for i in b.zh}),
                "en_lines": sorted({self.en[i].line for i in b.en}),
            }
            for b in self.beads
        ]
        columns = ["zh", "en", "kind", "confidence", "zh_ids", "en_ids", "zh_lines", "en_lines"]
        return pd.DataFrame(rows, columns=columns)

    def _repr_html_(self) -> str:
        """Side-by-side table for Jupyter (see :mod:`aligner.display`)."""
        from aligner.display import alignment_html

        return alignment_html(self)

    def plot(self, kind: str = "path", ax: object = None) -> object:
        """Plot the alignment: ``kind="path"`` (the bead path over the
        sentence grid, by confidence) or ``"ratio"`` (length ratio per
        bead). Returns the matplotlib Axes."""
        from aligner import plot

        if kind == "path":
            return plot.plot_path(self, ax)
        if kind == "ratio":
            return plot.plot_length_ratios(self, ax)
        raise ValueError(f"unknown plot kind {kind!r} (choose from: path, ratio)")

    def to_tsv(self, path: str | Path, **options: object) -> None:
        """Write the alignment as TSV (see :mod:`aligner.export.tsv`)."""
        from aligner.export import write

        write(self, path, "tsv", **options)

    def to_tmx(self, path: str | Path, **options: object) -> None:
        """Write the alignment as TMX 1.4b (see :mod:`aligner.export.tmx`)."""
        from aligner.export import write

        write(self, path, "tmx", **options)
