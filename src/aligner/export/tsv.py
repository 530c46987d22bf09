"""TSV: a header line, then one bead per line in document order.

Columns: ``zh``, ``en`` (a side's sentences joined, empty for a 0-1 or 1-0
bead), ``kind`` (``2-1``), ``confidence`` (4 decimals), ``zh_ids``,
``en_ids`` (0-based sentence ids, comma-separated), ``zh_lines``,
``en_lines`` (0-based source lines). No quoting: tabs and line breaks inside
a cell become spaces, so ``cut -f1`` and ``csv.QUOTE_NONE`` readers work.
UTF-8, LF line ends. Every bead is written, whatever its confidence.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from aligner.errors import InputError
from aligner.export.text import one_line
from aligner.model import Alignment

COLUMNS = ("zh", "en", "kind", "confidence", "zh_ids", "en_ids", "zh_lines", "en_lines")


@dataclass(frozen=True)
class TsvRow:
    """One bead as read back from a TSV file."""

    zh: str
    en: str
    kind: str
    confidence: float
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    zh_lines: tuple[int, ...] = ()
    en_lines: tuple[int, ...] = ()

    @property
    def ids(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """``(zh_ids, en_ids)``, the form the scorer takes."""
        return (self.zh_ids, self.en_ids)


def _join(values: Iterable[int]) -> str:
    return ",".join(str(v) for v in values)


def write_tsv(alignment: Alignment, stream: TextIO, **_: Any) -> None:
    """Write ``alignment`` as TSV to a text stream (options are ignored)."""
    stream.write("\t".join(COLUMNS) + "\n")
    for bead in alignment.beads:
        row = (
            one_line(alignment.text(bead, "zh")),
            one_line(alignment.text(bead, "en")),
            bead.kind,
            f"{bead.confidence:.4f}",
            _join(bead.zh),
            _join(bead.en),
            _join(sorted({alignment.zh[i].line for i in bead.zh})),
            _join(sorted({alignment.en[j].line for j in bead.en})),
        )
        stream.write("\t".join(row) + "\n")


def _split(cell: str | None) -> tuple[int, ...]:
    cell = (cell or "").strip()
    return tuple(int(part) for part in cell.split(",")) if cell else ()


def parse_tsv(lines: Iterable[str], name: str = "tsv") -> list[TsvRow]:
    """Rows of TSV text written by :func:`write_tsv`.

    The ``*_lines`` columns may be missing; a row that cannot be read raises
    :class:`~aligner.errors.InputError` naming its line.
    """
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in COLUMNS[:6] if c not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"{name}: not an aligner TSV file (no column {', '.join(missing)})")
    rows: list[TsvRow] = []
    for number, record in enumerate(reader, start=2):
        try:
            rows.append(
                TsvRow(
                    zh=record["zh"] or "",
                    en=record["en"] or "",
                    kind=record["kind"] or "",
                    confidence=float(record["confidence"] or "nan"),
                    zh_ids=_split(record["zh_ids"]),
                    en_ids=_split(record["en_ids"]),
                    zh_lines=_split(record.get("zh_lines")),
                    en_lines=_split(record.get("en_lines")),
                )
            )
        except ValueError as exc:
            raise InputError(f"{name}: line {number}: {exc}") from None
    return rows


def read_tsv(path: str | Path) -> list[TsvRow]:
    """Rows of a TSV file written by :func:`write_tsv` (see :func:`parse_tsv`)."""
    with open(path, encoding="utf-8", newline="") as f:
        return parse_tsv(f, str(path))
