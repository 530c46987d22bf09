"""Sentence alignment: paragraphs first, then sentences inside each group.

The bead cost is a sum of independent, explainable terms (see
:class:`BeadScorer`): the Gale-Church length cost of :mod:`aligner.length`,
a prior per bead shape, a structure term for headings, and the dictionary
evidence of :mod:`aligner.evidence`. :mod:`aligner.dp` finds the cheapest
monotone path within a band.

Long sequences are aligned coarse to fine, as Vecalign does (Thompson &
Koehn, 2019): consecutive units are merged into blocks, the blocks are
aligned (recursively), and the block path, projected back, centres a narrow
band for the full-resolution pass. Time and memory grow linearly.

Invariant of the result: every sentence of each stream is in exactly one
bead, in order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

import numpy as np

from aligner.adapt import induce_links, shape_priors, with_links
from aligner.dp import Band, PathBead, Shape, align_in_band, solve
from aligner.evidence import LexicalEvidence, LexicalIndex, default_lexicon, en_keys, zh_keys
from aligner.length import LengthModel
from aligner.model import Bead, Paragraph, Sentence
from aligner.punctuation import CLAUSE, FINAL, end_classes, question_counts, quote_balances

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
    (1, 5): 0.00225,
    (5, 1): 0.00075,
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

#: Blocks of the coarse passes: any pairing of block counts is plausible.
BLOCK_PRIORS: Mapping[Shape, float] = {
    (1, 1): 0.6,
    (1, 2): 0.1,
    (2, 1): 0.1,
    (2, 2): 0.05,
    (1, 0): 0.05,
    (0, 1): 0.05,
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
    #: ``mac_dev`` strict F1 with the other defaults: 0.898 at 4, 0.899 at
    #: 4.5, 0.901 at 5, 0.899 at 5.5, 0.897 at 6.
    lexical_weight: float = 5.0
    #: Cost of a bead whose sides end differently: one in a full stop, the
    #: other in a clause mark (comma, semicolon, colon). Off by default: it
    #: does not help on ``mac_dev`` (0.852 with 1.0, 0.853 without), and
    #: translations often end a clause where the source ends a sentence.
    end_mismatch_cost: float = 0.0
    #: Cost of a bead with a question mark on one side only (``mac_dev``
    #: strict F1 0.838 without, 0.853 with 0.7).
    question_mismatch_cost: float = 0.7
    #: Cost of a bead that leaves a quotation open (or closes one begun
    #: before) on one side only, or the opposite way on the two sides:
    #: dialogue split over sentences is split the same way in translation.
    #: ``mac_dev`` strict F1 0.880 without, 0.893 at 0.25, 0.899 at 0.5,
    #: 0.897 at 0.7 and 1.0, 0.893 at 2.
    quote_mismatch_cost: float = 0.5
    #: Cost of a paragraph bead whose two sides interleave in the source (a
    #: paragraph of one language between two of the other's: 中1 En1 中2 as
    #: one bead). At 4 an untranslated paragraph after a pair is left out
    #: (1-0) instead of merged with its neighbour, but a translation of two
    #: paragraphs placed after the first of them (中1 En12 中2) is then
    #: misaligned, a layout real files have; off by default. Paragraphs of
    #: two separate files carry no source lines.
    interleave_cost: float = 0.0
    #: Chinese word segmenter for the dictionary evidence: ``"cedict"`` or
    #: ``"jieba"`` (see :data:`aligner.evidence.SEGMENTERS`).
    segmenter: str = "cedict"
    #: Grids of at most this many cells are solved whole, without a band.
    full_grid_cells: int = 250_000
    #: The same for the grids of blocks of the coarse passes: a block grid
    #: above it is coarsened once more (a whole 470 × 470 block grid of the
    #: Bible took 2 s of its 14; as blocks of blocks, a tenth of that).
    coarse_full_grid_cells: int = 25_000
    #: Units of the shorter side merged into one block for the coarse pass of
    #: a long sequence (the longer side gets as many blocks).
    coarsen_factor: int = 8
    #: Initial half-width of the band of a fine pass, in units; widened
    #: where the path runs along the band's edge.
    refine_width: int = 16
    #: Align paragraphs first when both sides have more than one paragraph.
    use_paragraphs: bool = True
    #: Logistic calibration of confidence: ``1 / (1 + exp(-(a + b·excess)))``
    #: where ``excess`` is the bead's cost per sentence (× 2) above that of a
    #: perfect 1-1 bead. Fitted on ``gold/mac_dev`` by ``bench/calibrate.py``
    #: (1,359 beads): beads given 0.5-0.8 were right 69 % of the time,
    #: 0.8-0.9: 86 %, 0.9 and above: 95 %.
    confidence_a: float = 5.935
    confidence_b: float = -0.8680
    #: Align a second time with what the first pass taught about the
    #: document (:mod:`aligner.adapt`): its own bead-shape priors and word
    #: links. Done when the first pass found at least ``adapt_min_beads``
    #: beads with both sides. Off by default: it costs a second pass
    #: (Bible 001: 3.5 s instead of 2.2 s) for ``mac_dev`` strict F1 0.901 → 0.908.
    adapt: bool = False
    adapt_min_beads: int = 100
    #: Weight of the general priors against the document's own bead shapes,
    #: in beads (a document of this many beads moves its priors halfway).
    prior_strength: float = 10_000.0
    #: Beads the word links are learned from: both sides, at least this confident.
    link_min_confidence: float = 0.7
    #: A link needs t(English key | Chinese token) of IBM Model 1 at least
    #: ``link_min_probability`` after ``link_iterations`` EM rounds, and the
    #: token to have produced the key in at least ``link_min_count`` beads
    #: (expected count).
    link_min_count: float = 3.0
    link_min_probability: float = 0.3
    link_iterations: int = 5
    #: An English word some dictionary gloss gives (``said``, ``lord``) needs
    #: this expected count instead: only a long document links it
    #: (``math.inf``: never).
    link_min_count_known: float = 10.0

    @classmethod
    def length_only(cls) -> "AlignParams":
        """Gale-Church by length and structure, without dictionary evidence:
        the length variance measured on ``mac_dev``; question-mark, quotation
        and heading costs and paragraphs stay as in the default."""
        return cls(length=LengthModel(variance=28.0), lexical_weight=0.0)


def _running_sum(values: np.ndarray | None) -> np.ndarray | None:
    """``[0, v0, v0 + v1, …]`` (a span's total is a difference of two), or None."""
    return None if values is None else np.concatenate([[0], np.cumsum(values)])


@dataclass(frozen=True)
class Side:
    """What the aligner knows of a sequence of units (sentences, paragraphs or
    blocks) of one language: lengths, heading flags and evidence keys.

    ``keys`` holds one list per unit (zh: a key set per token; en: keys), or
    is ``None`` when no lexical evidence is used.
    """

    lengths: np.ndarray
    heading: np.ndarray
    keys: list[list] | None = None
    #: How each unit ends (:mod:`aligner.punctuation`) and its question marks.
    ends: np.ndarray | None = None
    questions: np.ndarray | None = None
    #: Quotes each unit opens minus those it closes (:func:`aligner.punctuation.quote_balance`).
    quotes: np.ndarray | None = None
    #: The source line each unit begins on (paragraphs of one mixed file), or None.
    first_lines: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.lengths)

    def grouped(self, starts: np.ndarray) -> "Side":
        """Units merged into groups beginning at ``starts`` (first must be 0).

        A group is a heading when all its units are.
        """
        ends = np.append(starts[1:], len(self))
        cum = np.concatenate([[0.0], np.cumsum(self.lengths, dtype=np.float64)])
        lengths = cum[ends] - cum[starts]
        heading = np.array([bool(self.heading[s:e].all()) for s, e in zip(starts, ends)], dtype=bool)
        keys = None
        if self.keys is not None:
            keys = [[k for unit in self.keys[s:e] for k in unit] for s, e in zip(starts, ends)]
        last = np.maximum(ends - 1, 0)
        group_ends = self.ends[last] if self.ends is not None and len(self) else None
        questions, quotes = _running_sum(self.questions), _running_sum(self.quotes)
        return Side(
            lengths=lengths,
            heading=heading,
            keys=keys,
            ends=group_ends,
            questions=None if questions is None else questions[ends] - questions[starts],
            quotes=None if quotes is None else quotes[ends] - quotes[starts],
        )

    def coarsened(self, blocks: int) -> tuple["Side", np.ndarray]:
        """``blocks`` runs of consecutive units of (nearly) equal size, and the
        first unit of each."""
        edges = np.floor(np.arange(blocks) * len(self) / blocks).astype(np.int64)
        starts = edges[np.diff(edges, prepend=-1) > 0]  # ascending; a repeat starts no block
        side = self.grouped(starts)
        return replace(side, heading=np.zeros(len(starts), dtype=bool)), starts


@dataclass
class BeadScorer:
    """Vectorised bead cost over two :class:`Side` s.

    ``cost = length + prior + heading terms + evidence`` where the evidence
    term is optional. Spans are summed from prefix sums, so any bead costs a
    few array lookups.
    """

    zh: Side
    en: Side
    priors: Mapping[Shape, float]
    model: LengthModel
    heading_skip_cost: float = 3.0
    heading_merge_cost: float = 12.0
    evidence: LexicalEvidence | None = None
    end_mismatch_cost: float = 0.0
    question_mismatch_cost: float = 0.0
    quote_mismatch_cost: float = 0.0
    interleave_cost: float = 0.0
    #: Groups the beads must respect: unit group ``g`` of one side aligns
    #: only with group ``g`` of the other (``edges[g]:edges[g+1]``).
    zh_edges: np.ndarray | None = None
    en_edges: np.ndarray | None = None

    def __post_init__(self) -> None:
        self._zh_cum = np.concatenate([[0.0], np.cumsum(self.zh.lengths, dtype=np.float64)])
        self._en_cum = np.concatenate([[0.0], np.cumsum(self.en.lengths, dtype=np.float64)])
        self._penalty = {s: -math.log(p) for s, p in self.priors.items()}
        self._zh_head_cum = np.concatenate([[0], np.cumsum(self.zh.heading, dtype=np.int64)])
        self._en_head_cum = np.concatenate([[0], np.cumsum(self.en.heading, dtype=np.int64)])
        self._zh_q, self._en_q = _running_sum(self.zh.questions), _running_sum(self.en.questions)
        self._zh_quotes, self._en_quotes = _running_sum(self.zh.quotes), _running_sum(self.en.quotes)

    @property
    def shapes(self) -> list[Shape]:
        return list(self.priors)

    def prepare(self, band: Band) -> None:
        """Let the evidence term precompute what the band needs."""
        if self.evidence is not None:
            self.evidence.prepare(band)

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
        if self.evidence is not None:
            cost = cost + self.evidence(a, b, i, j)
        if a and b:
            cost = cost + self._punctuation(a, b, i, j)
            if self.interleave_cost and self.zh.first_lines is not None and self.en.first_lines is not None:
                zh_first, zh_last = self.zh.first_lines[i - a], self.zh.first_lines[i - 1]
                en_first, en_last = self.en.first_lines[j - b], self.en.first_lines[j - 1]
                # a unit of one side stands between two of the other's in the source
                cost = cost + self.interleave_cost * ((en_first < zh_last) & (zh_first < en_last))
        if self.zh_edges is not None and self.en_edges is not None:
            cost = np.where(self._in_one_group(a, b, i, j), cost, np.inf)
        return np.asarray(cost, dtype=np.float64)

    def _punctuation(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray | float:
        """End-mark, question-mark and open-quotation disagreement between the two sides."""
        extra: np.ndarray | float = 0.0
        if self.end_mismatch_cost and self.zh.ends is not None and self.en.ends is not None:
            zh_end, en_end = self.zh.ends[i - 1], self.en.ends[j - 1]
            clash = ((zh_end == FINAL) & (en_end == CLAUSE)) | ((zh_end == CLAUSE) & (en_end == FINAL))
            extra = extra + self.end_mismatch_cost * clash
        if self.question_mismatch_cost and self._zh_q is not None and self._en_q is not None:
            zh_asks = (self._zh_q[i] - self._zh_q[i - a]) > 0
            en_asks = (self._en_q[j] - self._en_q[j - b]) > 0
            extra = extra + self.question_mismatch_cost * (zh_asks != en_asks)
        if self.quote_mismatch_cost and self._zh_quotes is not None and self._en_quotes is not None:
            zh_open = np.sign(self._zh_quotes[i] - self._zh_quotes[i - a])
            en_open = np.sign(self._en_quotes[j] - self._en_quotes[j - b])
            extra = extra + self.quote_mismatch_cost * (zh_open != en_open)
        return extra

    def _in_one_group(self, a: int, b: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Whether the beads lie within one group: both spans in the same
        group, or a one-sided bead within its group's range on the other side."""
        zh_edges, en_edges = self.zh_edges, self.en_edges
        assert zh_edges is not None and en_edges is not None
        last = len(zh_edges) - 2
        if a and b:
            gz_first = np.searchsorted(zh_edges, i - a, side="right") - 1
            gz_last = np.searchsorted(zh_edges, i - 1, side="right") - 1
            ge_first = np.searchsorted(en_edges, j - b, side="right") - 1
            ge_last = np.searchsorted(en_edges, j - 1, side="right") - 1
            return (gz_first == gz_last) & (ge_first == ge_last) & (gz_last == ge_last)
        if b:  # 0-1 bead: en unit j-1 of group g, row i within g's zh range
            g = np.minimum(np.searchsorted(en_edges, j - 1, side="right") - 1, last)
            return (zh_edges[g] <= i) & (i <= zh_edges[g + 1])
        g = np.minimum(np.searchsorted(zh_edges, i - 1, side="right") - 1, last)
        return (en_edges[g] <= j) & (j <= en_edges[g + 1])


def is_heading(text: str) -> bool:
    """A short unit that ends in a word, not in punctuation, such as a title.

    A unit ending in a comma or any other punctuation is a piece of running
    text (verse-split texts end units in ``，`` and ``;``), not a heading.
    """
    stripped = text.rstrip()
    if not stripped or len(stripped) > 200:
        return False
    return stripped[-1].isalnum()


def sentence_sides(zh: Sequence[Sentence], en: Sequence[Sentence], params: AlignParams) -> tuple[Side, Side]:
    """Lengths, heading flags and (unless turned off) evidence keys of two sentence streams."""
    model = params.length
    zh_keys_: list[list] | None = None
    en_keys_: list[list] | None = None
    if params.lexical_weight > 0:
        lexicon = default_lexicon()
        zh_keys_ = [zh_keys(s.text, lexicon, params.segmenter) for s in zh]
        en_keys_ = [en_keys(s.text, lexicon) for s in en]
    zh_texts, en_texts = [s.text for s in zh], [s.text for s in en]
    return (
        Side(
            lengths=np.array([model.zh_length(t) for t in zh_texts], dtype=np.float64),
            heading=np.array([is_heading(t) for t in zh_texts], dtype=bool),
            keys=zh_keys_,
            ends=end_classes(zh_texts),
            questions=question_counts(zh_texts),
            quotes=quote_balances(zh_texts),
        ),
        Side(
            lengths=np.array([model.en_length(t) for t in en_texts], dtype=np.float64),
            heading=np.array([is_heading(t) for t in en_texts], dtype=bool),
            keys=en_keys_,
            ends=end_classes(en_texts),
            questions=question_counts(en_texts),
            quotes=quote_balances(en_texts),
        ),
    )


def _scorer(
    zh: Side,
    en: Side,
    priors: Mapping[Shape, float],
    params: AlignParams,
    index: LexicalIndex | None = None,
) -> BeadScorer:
    evidence = None
    if zh.keys is not None and en.keys is not None and params.lexical_weight > 0:
        evidence = LexicalEvidence(
            index if index is not None else LexicalIndex(zh.keys, en.keys),
            weight=params.lexical_weight,
            max_a=max(a for a, _ in priors),
            max_b=max(b for _, b in priors),
        )
    return BeadScorer(
        zh=zh,
        en=en,
        priors=priors,
        model=params.length,
        heading_skip_cost=params.heading_skip_cost,
        heading_merge_cost=params.heading_merge_cost,
        evidence=evidence,
        end_mismatch_cost=params.end_mismatch_cost,
        question_mismatch_cost=params.question_mismatch_cost,
        quote_mismatch_cost=params.quote_mismatch_cost,
        interleave_cost=params.interleave_cost,
    )


def align_sides(
    zh: Side,
    en: Side,
    priors: Mapping[Shape, float],
    params: AlignParams,
    index: LexicalIndex | None = None,
    center: np.ndarray | None = None,
) -> list[PathBead]:
    """Best path of beads over two sides: whole if small, else coarse to fine.

    ``index`` holds the sides' evidence keys, weighted and encoded (built
    from ``zh.keys`` and ``en.keys`` when not given); the coarse pass gets
    it grouped into blocks (:meth:`LexicalIndex.grouped`). A known
    ``center`` path (column per row) replaces the coarse pass.
    """
    n, m = len(zh), len(en)
    scorer = _scorer(zh, en, priors, params, index)
    if (n + 1) * (m + 1) <= params.full_grid_cells:
        return solve(n, m, scorer.shapes, scorer, Band.full(n, m))
    if center is not None:
        return align_in_band(n, m, scorer.shapes, scorer, center, width=params.refine_width, full_below=0)
    # Both sides get the same number of blocks, so a coarse 1-1 bead pairs
    # spans of about the same share of the text.
    factor = params.coarsen_factor
    blocks = max(1, -(-min(n, m) // factor))
    zh_blocks, zh_starts = zh.coarsened(blocks)
    en_blocks, en_starts = en.coarsened(blocks)
    # A block's length varies relatively as much as a unit's: scale the
    # variance with the block size, or length would overrule the evidence.
    block_size = max(n, m) / max(len(zh_blocks), len(en_blocks))
    coarse_params = replace(
        params,
        length=replace(params.length, variance=params.length.variance * block_size),
        full_grid_cells=params.coarse_full_grid_cells,
    )
    coarse_index = scorer.evidence.index.grouped(zh_starts, en_starts) if scorer.evidence is not None else None
    coarse = align_sides(zh_blocks, en_blocks, BLOCK_PRIORS, coarse_params, coarse_index)
    center = project_path(coarse, zh_starts, en_starts, n, m)
    return align_in_band(n, m, scorer.shapes, scorer, center, width=max(params.refine_width, factor), full_below=0)


def project_path(path: Sequence[PathBead], zh_starts: np.ndarray, en_starts: np.ndarray, n: int, m: int) -> np.ndarray:
    """Column of a block path at each unit row ``0 … n``, interpolated inside blocks."""
    zh_edges = np.append(zh_starts, n)
    en_edges = np.append(en_starts, m)
    center = np.zeros(n + 1, dtype=np.float64)
    for bead in path:
        r0, r1 = int(zh_edges[bead.i0]), int(zh_edges[bead.i1])
        c0, c1 = float(en_edges[bead.j0]), float(en_edges[bead.j1])
        if r1 > r0:
            center[r0 : r1 + 1] = np.linspace(c0, c1, r1 - r0 + 1)
        else:
            center[r0] = c1
    return np.maximum.accumulate(np.round(center).astype(np.int64))


def align_sentences(zh: Sequence[Sentence], en: Sequence[Sentence], params: AlignParams | None = None) -> list[Bead]:
    """Align two sentence streams as one programme (no paragraph structure
    used), twice with ``params.adapt`` (see :func:`_adapted`).

    Bead indices are the sentences' positions in ``zh`` and ``en``.
    """
    params = params or AlignParams()
    zh_side, en_side = sentence_sides(zh, en, params)
    path = align_sides(zh_side, en_side, params.sentence_priors, params, _index(zh_side, en_side))
    beads = _to_beads(path, 0, 0, params)
    adapted = _adapted(zh_side, en_side, beads, params)
    if adapted is None:
        return beads
    zh_side, params = adapted
    center = project_path(path, np.arange(len(zh)), np.arange(len(en)), len(zh), len(en))
    path = align_sides(zh_side, en_side, params.sentence_priors, params, _index(zh_side, en_side), center=center)
    return _to_beads(path, 0, 0, params)


def _adapted(zh: Side, en: Side, beads: Sequence[Bead], params: AlignParams) -> tuple[Side, AlignParams] | None:
    """The zh side with learned word links and the parameters with the
    document's own shape priors, for a second pass; None when the first
    pass found too few beads to learn from (see :mod:`aligner.adapt`)."""
    paired = [b for b in beads if b.zh and b.en]
    if not params.adapt or len(paired) < params.adapt_min_beads:
        return None
    priors = shape_priors([(len(b.zh), len(b.en)) for b in beads], params.sentence_priors, params.prior_strength)
    adapted = replace(params, sentence_priors=priors)
    confident = [(b.zh, b.en) for b in paired if b.confidence >= params.link_min_confidence]
    if zh.keys is None or en.keys is None:
        return zh, adapted
    links = induce_links(
        zh.keys,
        en.keys,
        confident,
        params.link_min_count,
        params.link_min_probability,
        params.link_iterations,
        default_lexicon().knows_english,
        params.link_min_count_known,
    )
    return replace(zh, keys=with_links(zh.keys, links)), adapted


def _index(zh: Side, en: Side) -> LexicalIndex | None:
    """The document-wide evidence index of two sentence sides, if they have keys."""
    if zh.keys is None or en.keys is None:
        return None
    return LexicalIndex(zh.keys, en.keys)


def _to_beads(path: Sequence[PathBead], zh0: int, en0: int, params: AlignParams) -> list[Bead]:
    """Beads of a path whose units start at sentence ``zh0`` / ``en0``."""
    best = -math.log(max(params.sentence_priors.values()))
    return [
        Bead(
            tuple(range(zh0 + p.i0, zh0 + p.i1)),
            tuple(range(en0 + p.j0, en0 + p.j1)),
            confidence=_confidence((p.cost - best) / max(1, (p.i1 - p.i0) + (p.j1 - p.j0)) * 2, params),
            cost=p.cost,
        )
        for p in path
    ]


def _confidence(excess: float, params: AlignParams) -> float:
    z = params.confidence_a + params.confidence_b * excess
    if z < -700:  # exp would overflow; the confidence is 0 to double precision
        return 0.0
    return float(1.0 / (1.0 + math.exp(-z)))


def align_document(
    zh_paragraphs: Sequence[Paragraph],
    en_paragraphs: Sequence[Paragraph],
    zh: Sequence[Sentence],
    en: Sequence[Sentence],
    params: AlignParams | None = None,
    one_source: bool = True,
) -> list[Bead]:
    """Align paragraphs first, then the sentences inside each paragraph group.

    ``Sentence.paragraph`` links sentences to paragraphs (and sentences come
    in paragraph order). Without paragraph structure on both sides (one
    paragraph or fewer), this is :func:`align_sentences`. ``one_source``:
    both streams come from one file, so their source lines can be compared
    (see ``AlignParams.interleave_cost``).
    """
    params = params or AlignParams()
    if not params.use_paragraphs or len(zh_paragraphs) < 2 or len(en_paragraphs) < 2:
        return align_sentences(zh, en, params)
    zh_side, en_side = sentence_sides(zh, en, params)
    zh_starts = _paragraph_starts(zh, len(zh_paragraphs))
    en_starts = _paragraph_starts(en, len(en_paragraphs))
    groups = align_sides(
        _paragraph_side(zh_side, zh_starts, zh_paragraphs, one_source),
        _paragraph_side(en_side, en_starts, en_paragraphs, one_source),
        params.paragraph_priors,
        params,
    )
    zh_edges = np.append(zh_starts, len(zh))[[g.i0 for g in groups] + [groups[-1].i1]]
    en_edges = np.append(en_starts, len(en))[[g.j0 for g in groups] + [groups[-1].j1]]
    beads = _beads_in_groups(zh_side, en_side, zh_edges, en_edges, params)
    adapted = _adapted(zh_side, en_side, beads, params)
    if adapted is None:
        return beads
    zh_side, params = adapted
    return _beads_in_groups(zh_side, en_side, zh_edges, en_edges, params)


def _beads_in_groups(zh: Side, en: Side, zh_edges: np.ndarray, en_edges: np.ndarray, params: AlignParams) -> list[Bead]:
    """Sentence beads when sentence group ``g`` (``zh_edges[g]:zh_edges[g+1]``)
    must align with en group ``g``: one programme over the whole document,
    in the band the groups draw, with no bead cutting through a group edge.
    """
    n, m = len(zh), len(en)
    lo = np.zeros(n + 1, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    for g in range(len(zh_edges) - 1):
        rows = slice(int(zh_edges[g]), int(zh_edges[g + 1]) + 1)
        lo[rows] = np.where(hi[rows] > 0, lo[rows], en_edges[g])
        hi[rows] = en_edges[g + 1]
    lo[0] = 0
    band = Band(lo=np.minimum.accumulate(lo[::-1])[::-1], hi=np.maximum.accumulate(hi))
    scorer = _scorer(zh, en, params.sentence_priors, params, _index(zh, en))
    scorer.zh_edges, scorer.en_edges = zh_edges, en_edges
    path = solve(n, m, scorer.shapes, scorer, band)
    return _to_beads(path, 0, 0, params)


def _paragraph_starts(sentences: Sequence[Sentence], n_paragraphs: int) -> np.ndarray:
    """Index of the first sentence of each paragraph (empty paragraphs start
    where the next one does)."""
    counts = np.bincount([s.paragraph for s in sentences], minlength=n_paragraphs)[:n_paragraphs]
    return np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)


def _paragraph_side(sentences: Side, starts: np.ndarray, paragraphs: Sequence[Paragraph], one_source: bool = True) -> Side:
    """Paragraph units: sentence lengths and keys summed, heading from the
    text, and (``one_source``) the source line each begins on."""
    heading = np.array([is_heading(p.text) for p in paragraphs], dtype=bool)
    first_lines = np.array([p.lines[0] for p in paragraphs], dtype=np.int64) if one_source else None
    return replace(sentences.grouped(starts), heading=heading, first_lines=first_lines)
