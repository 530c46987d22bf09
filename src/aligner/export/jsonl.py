"""JSON Lines: one JSON object per bead, in document order.

Each object has ``zh``, ``en`` (joined texts, ``""`` for an empty side),
``kind``, ``confidence`` (4 decimals, ``null`` if unknown), ``zh_ids``,
``en_ids``, ``zh_lines`` and ``en_lines``. Only LF ends a record: the other
characters ``str.splitlines`` breaks on are written as ``\\u`` escapes.
"""

from __future__ import annotations

import json
import math
from typing import Any, TextIO

from aligner.export.text import no_surrogates
from aligner.model import Alignment

# json.dumps escapes C0 controls itself; these it leaves raw.
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


def write_jsonl(alignment: Alignment, stream: TextIO, **_: Any) -> None:
    """Write one object per bead to a text stream (options are ignored)."""
    for bead in alignment.beads:
        record = {
            "zh": no_surrogates(alignment.text(bead, "zh")),
            "en": no_surrogates(alignment.text(bead, "en")),
            "kind": bead.kind,
            "confidence": round(bead.confidence, 4) if math.isfinite(bead.confidence) else None,
            "zh_ids": list(bead.zh),
            "en_ids": list(bead.en),
            "zh_lines": sorted({alignment.zh[i].line for i in bead.zh}),
            "en_lines": sorted({alignment.en[j].line for j in bead.en}),
        }
        stream.write(json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")
