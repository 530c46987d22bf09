"""JSON Lines: one JSON object per bead, in document order."""

from __future__ import annotations

import json
from typing import Any, TextIO

from aligner.export.text import xml_safe
from aligner.model import Alignment


def write_jsonl(alignment: Alignment, stream: TextIO, **_: Any) -> None:
    """Write one object per bead: zh, en, kind, confidence, zh_ids, en_ids."""
    for bead in alignment.beads:
        record = {
            "zh": xml_safe(alignment.text(bead, "zh")),
            "en": xml_safe(alignment.text(bead, "en")),
            "kind": bead.kind,
            "confidence": round(bead.confidence, 4),
            "zh_ids": list(bead.zh),
            "en_ids": list(bead.en),
        }
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
