"""TMX 1.4b: one ``<tu>`` per bead with both sides non-empty.

The header carries the seven attributes the DTD requires. Beads with an
empty side are left out (never merged into a neighbour); ``min_confidence``
leaves out weak beads too. Text is escaped and stripped of characters XML
1.0 cannot carry. Output is deterministic: no date unless one is given.
"""

from __future__ import annotations

from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from aligner.export.text import xml_safe
from aligner.model import Alignment


def _attr(value: str) -> str:
    return quoteattr(xml_safe(value))


def write_tmx(
    alignment: Alignment,
    stream: TextIO,
    zh_lang: str = "zh-CN",
    en_lang: str = "en",
    min_confidence: float | None = None,
    creation_date: str | None = None,
    **_: Any,
) -> None:
    """Write ``alignment`` as TMX 1.4b to a text stream.

    ``creation_date`` (``YYYYMMDDThhmmssZ``) is written only when given.
    """
    from aligner import __version__

    header = {
        "creationtool": "aligner",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "aligner",
        "adminlang": "en",
        "srclang": zh_lang,
        "datatype": "plaintext",
    }
    if creation_date:
        header["creationdate"] = creation_date
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write('<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    stream.write('<tmx version="1.4">\n')
    stream.write("  <header " + " ".join(f"{k}={_attr(v)}" for k, v in header.items()) + "/>\n")
    stream.write("  <body>\n")
    for bead in alignment.beads:
        if not bead.zh or not bead.en:
            continue
        if min_confidence is not None and bead.confidence < min_confidence:
            continue
        zh = escape(xml_safe(alignment.text(bead, "zh")))
        en = escape(xml_safe(alignment.text(bead, "en")))
        stream.write("    <tu>\n")
        stream.write(f'      <prop type="x-aligner-kind">{bead.kind}</prop>\n')
        stream.write(f'      <prop type="x-aligner-confidence">{bead.confidence:.4f}</prop>\n')
        stream.write(f"      <tuv xml:lang={_attr(zh_lang)}><seg>{zh}</seg></tuv>\n")
        stream.write(f"      <tuv xml:lang={_attr(en_lang)}><seg>{en}</seg></tuv>\n")
        stream.write("    </tu>\n")
    stream.write("  </body>\n</tmx>\n")
