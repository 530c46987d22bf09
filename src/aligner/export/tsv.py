"""TSV: a header line, then one bead per line in document order.

Columns: ``zh``, ``en`` (a side's sentences joined, empty for a 0-1 or 1-0
bead), ``kind`` (``2-1``), ``confidence`` (4 decimals), ``zh_ids``,
``en_ids`` (0-based sentence ids, comma-separated), ``zh_lines``,
``en_lines`` (0-based source lines). No quoting: tabs and line breaks inside
a cell become spaces, so ``cut -f1`` and ``csv.QUOTE_NONE`` readers work.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, TextIO

from aligner.export.text import one_line
from aligner.model import Alignment

COLUMNS = ("zh", "en", "kind", "confidence", "zh_ids", "en_ids", "zh_lines", "en_lines")


def _ids(values: Any) -> str:
    return ",".join(str(v) for v in values)


def write_tsv(alignment: Alignment, stream: TextIO, **_: Any) -> None:
    """Write ``alignment`` as TSV to a text stream."""
    stream.write("\t".join(COLUMNS) + "\n")
    for bead in alignment.beads:
        row = (
            one_line(alignment.text(bead, "zh")),
            one_line(alignment.text(bead, "en")),
            bead.kind,
            f"{bead.confidence:.4f}",
            _ids(bead.zh),
            _ids(bead.en),
            _ids(sorted({alignment.zh[i].line for i in bead.zh})),
            _ids(sorted({alignment.en[j].line for j in bead.en})),
        )
        stream.write("\t".join(row) + "\n")


def read_tsv(path: str | Path) -> list[dict[str, str]]:
    """Rows of a TSV file written by :func:`write_tsv`, as dicts by column."""
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
