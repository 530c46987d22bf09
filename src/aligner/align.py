"""Sentence alignment: paragraphs first, then sentences inside each group.

The bead cost is a sum of independent, explainable terms (see
:class:`BeadScorer`): the Gale-Church length cost of :mod:`aligner.length`,
a prior per bead shape, and the evidence terms of :mod:`aligner.evidence`.
:mod:`aligner.dp` finds the cheapest monotone path within a band.

Invariant of the result: every sentence of each stream is in exactly one
bead, in order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import numpy as np

from aligner.dp import Band, PathBead, Shape, align_in_band, length_diagonal
from aligner.evidence import LexicalEvidence, default_lexicon, en_keys, zh_keys
from aligner.length import LengthModel
from aligner.model import Bead, Paragraph, Sentence

#: Probability of each bead shape (zh sentences, en sentences), from the
#: tuning gold (``gold/mac_dev``) with each shape's mirror image averaged in
#: by half, so a language that splits more in one text does not bias the
#: aligner for all texts.
SENTENCE_PRIORS: Mapping[Shape, float] = {
    (1, 1): 0.62,
    (1, 2): 0.17,
    (2, 1): 0.09,
    (1, 3): 0.042,
    (3, 1): 0.016,
    (2, 2): 0.019,
    (1, 4): 0.017,
    (4, 1): 0.006,
    (2, 3): 0.0075,
    (3, 2): 0.0045,
    (1, 0): 0.0025,
    (0, 1): 0.0025,
}

#: Paragraph beads: mostly 1-1; splits and merges are rarer than for sentences.
PARAGRAPH_PRIORS: Mapping[Shape, float] = {
    (1, 1): 0.85,
    (1, 2): 0.04,
    (2, 1): 0.04,
    (2, 2): 0.01,
    (1, 3): 0.01,
    (3, 1): 0.01,
    (1, 0): 0.02,
    (0, 1): 0.02,
}


@dataclass(frozen=True)
class AlignParams:
    """Tunable parameters of the aligner (defaults tuned on ``gold/mac_dev``)."""

    length: LengthModel = field(default_factory=LengthModel)
    sentence_priors: Mapping[Shape, float] = field(default_factory=lambda: dict(SENTENCE_PRIORS))
    paragraph_priors: Mapping[Shape, float] = field(default_factory=lambda: dict(PARAGRAPH_PRIORS))
    #: Cost of leaving a heading (a short unit without final punctuation)
    #: unaligned; headings such as titles and bylines often have no counterpart.
    heading_skip_cost: float = 3.0
    #: Extra cost of merging a heading with another unit on the same side.
    heading_merge_cost: float = 12.0
    #: Weight of the dictionary evidence (0 turns it off: length only).
    lexical_weight: float = 3.0
    #: Initial half-width of the band, in units; widened where needed.
    band_width: int = 64
    #: Initial half-width of the band of the second, evidence pass around
    #: the first pass's path; widened where needed.
    refine_width: int = 16
    #: Align paragraphs first when both sides have more than one paragraph.
    use_paragraphs: bool = True
    #: Logistic calibration of confidence: ``1 / (1 + exp(-(a + b·excess)))``
    #: where ``excess`` is the bead's cost per sentence minus the best case.
    confidence_a: float = 2.0
    confidence_b: float = -0.6


    @classmethod
    def length_only(cls) -> "AlignParams":
        """Gale-Church by length alone, with the variance measured on ``mac_dev``."""
        return cls(length=LengthModel(variance=28.0), lexical_weight=0.0)


@dataclass
class BeadScorer:
    """Vectorised bead cost over two sequences of units (sentences or paragraphs).

    Holds prefix sums so that the length of any span is two lookups. The
    cost of a bead is ``length + prior + heading terms + extra`` where
    ``extra`` is an optional evidence term with the :data:`~aligner.dp.BeadCost`
    signature.
    """

    zh_lengths: np.ndarray
    en_lengths: np.ndarray
    priors: Mapping[Shape, float]
    model: LengthModel
    zh_heading: np.ndarray | None = None
    en_heading: np.ndarray | None = None
    heading_skip_cost: float = 3.0
    heading_merge_cost: float = 12.0
    extra: Callable[[int, int, int, np.ndarray], np.ndarray] | None = None

    def __post_init__(self) -> None:
        self._zh_cum = np.concatenate([[0.0], np.cumsum(self.zh_lengths, dtype=np.float64)])
        self._en_cum = np.concatenate([[0.0], np.cumsum(self.en_lengths, dtype=np.float64)])
        self._penalty = {s: -math.log(p) for s, p in self.priors.items()}
        zh_h = self.zh_heading if self.zh_heading is not None else np.zeros(len(self.zh_lengths), bool)
        en_h = self.en_heading if self.en_heading is not None else np.zeros(len(self.en_lengths), bool)
        self._zh_head_cum = np.concatenate([[0], np.cumsum(zh_h, dtype=np.int64)])
        self._en_head_cum = np.concatenate([[0], np.cumsum(en_h, dtype=np.int64)])

    @property
    def shapes(self) -> list[Shape]:
        return list(self.priors)

    def prepare(self, band: Band) -> None:
        """Let the evidence term precompute what the band needs."""
        prepare = getattr(self.extra, "prepare", None)
        if prepare is not None:
            prepare(band)

    def __call__(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        zh_len = self._zh_cum[i] - self._zh_cum[i - a]
        en_len = self._en_cum[j] - self._en_cum[j - b]
        cost = self.model.cost(zh_len, en_len) + self._penalty[(a, b)]
        zh_heads = self._zh_head_cum[i] - self._zh_head_cum[i - a]
        en_heads = self._en_head_cum[j] - self._en_head_cum[j - b]
        if a == 0 or b == 0:
            # A lone heading with no counterpart is cheap to leave out.
            heads = en_heads if a == 0 else zh_heads
            cost = np.where(heads > 0, self.heading_skip_cost, cost)
        else:
            mixed = ((zh_heads > 0) & (zh_heads < a)) | ((en_heads > 0) & (en_heads < b))
            cost = cost + self.heading_merge_cost * mixed
        if self.extra is not None:
            cost = cost + self.extra(a, b, i, j)
        return np.asarray(cost, dtype=np.float64)


def is_heading(text: str) -> bool:
    """A short unit without sentence-final punctuation, such as a title."""
    stripped = text.rstrip()
    if not stripped or len(stripped) > 200:
        return False
    return stripped[-1] not in ".!?。！？…;；:：\"'”’」』)）]】"


def align_units(scorer: BeadScorer, band_width: int = 64, center: np.ndarray | None = None) -> list[PathBead]:
    """Best path of beads over the scorer's two unit sequences.

    The band starts around ``center`` (default: the length diagonal).
    """
    n, m = len(scorer.zh_lengths), len(scorer.en_lengths)
    if center is None:
        center = length_diagonal(scorer.zh_lengths, scorer.en_lengths)
    return align_in_band(n, m, scorer.shapes, scorer, center, width=band_width)


def path_center(path: Sequence[PathBead], n: int) -> np.ndarray:
    """Column of ``path`` at each row ``0 … n`` (the last column reached)."""
    center = np.zeros(n + 1, dtype=np.int64)
    for bead in path:
        center[bead.i0 : bead.i1 + 1] = np.maximum(center[bead.i0 : bead.i1 + 1], bead.j0)
        center[bead.i1] = bead.j1
    return np.maximum.accumulate(center)


def _scorer(zh_texts: Sequence[str], en_texts: Sequence[str], priors: Mapping[Shape, float], params: AlignParams) -> BeadScorer:
    model = params.length
    return BeadScorer(
        zh_lengths=np.array([model.zh_length(t) for t in zh_texts], dtype=np.float64),
        en_lengths=np.array([model.en_length(t) for t in en_texts], dtype=np.float64),
        priors=priors,
        model=model,
        zh_heading=np.array([is_heading(t) for t in zh_texts], dtype=bool),
        en_heading=np.array([is_heading(t) for t in en_texts], dtype=bool),
        heading_skip_cost=params.heading_skip_cost,
        heading_merge_cost=params.heading_merge_cost,
    )


def align_sentences(zh: Sequence[Sentence], en: Sequence[Sentence], params: AlignParams | None = None) -> list[Bead]:
    """Align two sentence streams in one pass (no paragraph structure used).

    Bead indices are the sentences' positions in ``zh`` and ``en``.
    """
    params = params or AlignParams()
    return _align_span(zh, en, 0, 0, params)


def _align_span(zh: Sequence[Sentence], en: Sequence[Sentence], zh_offset: int, en_offset: int, params: AlignParams) -> list[Bead]:
    if not zh or not en:
        return _one_sided(len(zh), len(en), zh_offset, en_offset)
    scorer = _scorer([s.text for s in zh], [s.text for s in en], params.sentence_priors, params)
    center = None
    if params.lexical_weight > 0:
        # Pass 1, length only, finds the neighbourhood; pass 2 adds the
        # dictionary evidence inside a band around it.
        center = path_center(align_units(scorer, params.band_width), len(zh))
        scorer.extra = _lexical_evidence(zh, en, params)
    path = align_units(scorer, params.refine_width if center is not None else params.band_width, center)
    best = -math.log(max(params.sentence_priors.values()))
    return [
        Bead(
            tuple(range(zh_offset + p.i0, zh_offset + p.i1)),
            tuple(range(en_offset + p.j0, en_offset + p.j1)),
            confidence=_confidence((p.cost - best) / max(1, (p.i1 - p.i0) + (p.j1 - p.j0)) * 2, params),
            cost=p.cost,
        )
        for p in path
    ]


def _lexical_evidence(zh: Sequence[Sentence], en: Sequence[Sentence], params: AlignParams) -> LexicalEvidence:
    lexicon = default_lexicon()
    return LexicalEvidence(
        zh=[zh_keys(s.text, lexicon) for s in zh],
        en=[en_keys(s.text, lexicon) for s in en],
        weight=params.lexical_weight,
        max_a=max(a for a, _ in params.sentence_priors),
        max_b=max(b for _, b in params.sentence_priors),
    )


def _one_sided(n_zh: int, n_en: int, zh_offset: int, en_offset: int) -> list[Bead]:
    """Beads for a span where one side is empty: each sentence alone."""
    zh_beads = [Bead((zh_offset + k,), (), confidence=0.0) for k in range(n_zh)]
    en_beads = [Bead((), (en_offset + k,), confidence=0.0) for k in range(n_en)]
    return zh_beads + en_beads


def _confidence(excess: float, params: AlignParams) -> float:
    z = params.confidence_a + params.confidence_b * excess
    return float(1.0 / (1.0 + math.exp(-z)))


def align_document(
    zh_paragraphs: Sequence[Paragraph],
    en_paragraphs: Sequence[Paragraph],
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    params: AlignParams | None = None,
) -> list[Bead]:
    """Align paragraphs first, then the sentences inside each paragraph group.

    ``Sentence.paragraph`` links sentences to paragraphs. Without paragraph
    structure on both sides (one paragraph or fewer), this is
    :func:`align_sentences`.
    """
    params = params or AlignParams()
    if not params.use_paragraphs or len(zh_paragraphs) < 2 or len(en_paragraphs) < 2:
        return align_sentences(zh, en, params)
    scorer = _scorer([p.text for p in zh_paragraphs], [p.text for p in en_paragraphs], params.paragraph_priors, params)
    groups = align_units(scorer, params.band_width)
    zh_by_para = _group_by_paragraph(zh, len(zh_paragraphs))
    en_by_para = _group_by_paragraph(en, len(en_paragraphs))
    beads: list[Bead] = []
    for g in groups:
        zh_span = [s for p in range(g.i0, g.i1) for s in zh_by_para[p]]
        en_span = [s for p in range(g.j0, g.j1) for s in en_by_para[p]]
        zh_offset = zh_span[0].index if zh_span else 0
        en_offset = en_span[0].index if en_span else 0
        beads.extend(_align_span(zh_span, en_span, zh_offset, en_offset, params))
    return beads


def _group_by_paragraph(sentences: Sequence[Sentence], n_paragraphs: int) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = [[] for _ in range(n_paragraphs)]
    for s in sentences:
        groups[s.paragraph].append(s)
    return groups
