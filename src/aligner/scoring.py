"""Alignment accuracy: strict and lax precision, recall and F1 over beads.

The definitions follow the scoring of Vecalign (Thompson & Koehn, 2019),
also used by Bertalign (Liu & Zhu, 2022):

* A bead is a pair (zh ids, en ids). Beads empty on both sides are ignored.
* **Precision** looks at every predicted bead, including 1-0 and 0-1 beads:
  strict-correct if the same bead is in the gold; lax-correct if it is
  strict-correct or some zh sentence of it is aligned in the gold with some
  en sentence of it (so a 1-0 or 0-1 bead is lax-correct only when exact).
* **Recall** looks at every gold bead with both sides non-empty (gold 1-0
  and 0-1 beads never count for recall) and asks the same questions the
  other way round.
* Counts are summed over documents before dividing (micro average), as the
  published per-corpus figures are.

Lax scores alone flatter: a single bead holding everything scores lax
precision and recall 1.0. Lead with strict.

The Bible gold is verse-level; :func:`merge_by_verse` joins a sentence-level
prediction into verses first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from aligner.errors import InputError, UsageError
from aligner.model import Alignment, Bead

BeadIds = tuple[tuple[int, ...], tuple[int, ...]]

_GOLD_LINE = re.compile(r"^\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]$")


@dataclass(frozen=True)
class Scores:
    """Counts and derived strict/lax precision, recall and F1."""

    strict_tp_p: int = 0  # predicted beads that are in the gold
    lax_tp_p: int = 0  # predicted beads that overlap a gold link
    n_pred: int = 0
    strict_tp_r: int = 0  # gold beads that are predicted
    lax_tp_r: int = 0  # gold beads that overlap a predicted link
    n_gold: int = 0

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_p(self) -> float:
        return self._ratio(self.strict_tp_p, self.n_pred)

    @property
    def strict_r(self) -> float:
        return self._ratio(self.strict_tp_r, self.n_gold)

    @property
    def strict_f1(self) -> float:
        return self._f1(self.strict_p, self.strict_r)

    @property
    def lax_p(self) -> float:
        return self._ratio(self.lax_tp_p, self.n_pred)

    @property
    def lax_r(self) -> float:
        return self._ratio(self.lax_tp_r, self.n_gold)

    @property
    def lax_f1(self) -> float:
        return self._f1(self.lax_p, self.lax_r)

    def __add__(self, other: "Scores") -> "Scores":
        return Scores(
            self.strict_tp_p + other.strict_tp_p,
            self.lax_tp_p + other.lax_tp_p,
            self.n_pred + other.n_pred,
            self.strict_tp_r + other.strict_tp_r,
            self.lax_tp_r + other.lax_tp_r,
            self.n_gold + other.n_gold,
        )

    @classmethod
    def combine(cls, scores: Iterable["Scores"]) -> "Scores":
        """Micro average: counts summed over documents."""
        total = cls()
        for s in scores:
            total = total + s
        return total

    def as_dict(self) -> dict[str, float]:
        return {
            "strict_p": self.strict_p,
            "strict_r": self.strict_r,
            "strict_f1": self.strict_f1,
            "lax_p": self.lax_p,
            "lax_r": self.lax_r,
            "lax_f1": self.lax_f1,
        }

    def format(self) -> str:
        """Two lines, strict first."""
        return (
            f"strict  P {self.strict_p:.3f}  R {self.strict_r:.3f}  F1 {self.strict_f1:.3f}\n"
            f"lax     P {self.lax_p:.3f}  R {self.lax_r:.3f}  F1 {self.lax_f1:.3f}\n"
            f"({self.n_pred} predicted beads, {self.n_gold} gold beads with both sides)"
        )


def _normalise(beads: Iterable[Sequence[Sequence[int]]]) -> list[BeadIds]:
    out = []
    for zh, en in beads:
        bead = (tuple(zh), tuple(en))
        if bead[0] or bead[1]:
            out.append(bead)
    return out


def _hits(reference: Sequence[BeadIds], candidates: Sequence[BeadIds]) -> tuple[int, int]:
    """(strict, lax) number of ``candidates`` found in ``reference``."""
    exact = set(reference)
    links: dict[int, set[int]] = defaultdict(set)
    for zh, en in reference:
        for i in zh:
            links[i].update(en)
    strict = lax = 0
    for bead in candidates:
        if bead in exact:
            strict += 1
            lax += 1
            continue
        linked: set[int] = set()
        for i in bead[0]:
            linked |= links.get(i, set())
        if linked.intersection(bead[1]):
            lax += 1
    return strict, lax


def score(pred: Iterable[Sequence[Sequence[int]]], gold: Iterable[Sequence[Sequence[int]]]) -> Scores:
    """Strict and lax scores of one document's predicted beads against its gold."""
    pred_beads = _normalise(pred)
    gold_beads = _normalise(gold)
    gold_full = [b for b in gold_beads if b[0] and b[1]]
    strict_p, lax_p = _hits(gold_beads, pred_beads)
    strict_r, lax_r = _hits(pred_beads, gold_full)
    return Scores(strict_p, lax_p, len(pred_beads), strict_r, lax_r, len(gold_full))


def merge_by_verse(beads: Sequence[BeadIds], zh_verses: Sequence[str], en_verses: Sequence[str]) -> list[BeadIds]:
    """Join consecutive beads that lie in one and the same verse.

    A bead's verses are those of its sentences (so a bead with an empty side
    takes the verse of the other side). Two neighbours are joined when both
    lie wholly in the same single verse.
    """
    needed_zh = max((i for zh, _ in beads for i in zh), default=-1) + 1
    needed_en = max((j for _, en in beads for j in en), default=-1) + 1
    if len(zh_verses) < needed_zh or len(en_verses) < needed_en:
        raise InputError(
            f"verse ids: {len(zh_verses)} zh and {len(en_verses)} en lines, but the beads reach "
            f"sentence {needed_zh - 1} (zh) and {needed_en - 1} (en)"
        )
    merged: list[BeadIds] = []
    previous_verse: str | None = None
    for zh, en in beads:
        verses = {zh_verses[i] for i in zh} | {en_verses[j] for j in en}
        verse = next(iter(verses)) if len(verses) == 1 else None
        if merged and verse is not None and verse == previous_verse:
            last_zh, last_en = merged[-1]
            merged[-1] = (last_zh + tuple(zh), last_en + tuple(en))
        else:
            merged.append((tuple(zh), tuple(en)))
        previous_verse = verse
    return merged


def _ids(text: str, where: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in text.replace(" ", "").split(",") if x)
    except ValueError:
        raise InputError(f"{where}: sentence ids must be whole numbers, not '{text}'") from None


def parse_gold(text: str, name: str = "gold") -> list[BeadIds]:
    """Beads of the ``[3,4]:[5]`` format, one per line (blank lines skipped)."""
    beads: list[BeadIds] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _GOLD_LINE.match(line.strip())
        if match is None:
            raise InputError(f"{name}:{number}: not a bead like [0,1]:[2]: {line.strip()[:40]!r}")
        beads.append((_ids(match.group(1), f"{name}:{number}"), _ids(match.group(2), f"{name}:{number}")))
    return beads


def format_gold(beads: Iterable[BeadIds]) -> str:
    """Beads in the ``[3,4]:[5]`` format, one per line."""
    return "".join(f"[{','.join(map(str, zh))}]:[{','.join(map(str, en))}]\n" for zh, en in beads)


def parse_tsv_beads(text: str, name: str = "tsv") -> list[BeadIds]:
    """Bead ids from the ``zh_ids``/``en_ids`` columns of an aligner TSV."""
    from aligner.export.tsv import parse_tsv

    return [row.ids for row in parse_tsv(text.splitlines(), name)]


def read_beads(path: str | Path) -> list[BeadIds]:
    """Beads from a gold-format file or an aligner TSV (told apart by content)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    first = text.lstrip().split("\n", 1)[0]
    if "\t" in first and "zh_ids" in first:
        return parse_tsv_beads(text, str(path))
    return parse_gold(text, str(path))


def _beads_of(beads: str | Path | Alignment | Iterable[BeadIds | Bead]) -> list[BeadIds]:
    """Bead id pairs from a file, an :class:`Alignment`, :class:`Bead` objects
    or id pairs (made tuples where they are scored: :func:`score`,
    :func:`merge_by_verse`)."""
    if isinstance(beads, (str, Path)):
        return read_beads(beads)
    if isinstance(beads, Alignment):
        beads = beads.beads
    return [(b.zh, b.en) if isinstance(b, Bead) else b for b in beads]  # type: ignore[misc]


def evaluate(
    pred: str | Path | Alignment | Iterable[BeadIds | Bead],
    gold: str | Path | Alignment | Iterable[BeadIds | Bead],
    zh_verses: Sequence[str] | None = None,
    en_verses: Sequence[str] | None = None,
) -> Scores:
    """Score ``pred`` against ``gold`` (files, alignments, beads or id pairs);
    with verse ids (both sides), the prediction is merged by verse first."""
    pred_beads = _beads_of(pred)
    gold_beads = _beads_of(gold)
    if isinstance(gold, (str, Path)) and not gold_beads:
        raise InputError(f"{gold}: no beads in the gold file")
    if (zh_verses is None) != (en_verses is None):
        raise UsageError("verse ids are needed for both sides (zh_verses and en_verses)")
    if zh_verses is not None and en_verses is not None:
        pred_beads = merge_by_verse(pred_beads, zh_verses, en_verses)
    return score(pred_beads, gold_beads)
