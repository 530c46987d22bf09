"""TMX 1.4b: one ``<tu>`` per bead with both sides non-empty.

The header carries the seven attributes the DTD requires. Beads with an
empty side are left out (never merged into a neighbour); ``min_confidence``
leaves out weak beads too. Each ``<tu>`` carries the bead's kind and
confidence as ``<prop>`` elements. Text is escaped (CR as ``&#13;``, so it
reads back as CR) and stripped of characters XML 1.0 cannot carry. Output is deterministic: no date unless
one is given.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from aligner.errors import UsageError
from aligner.export.text import xml_safe
from aligner.model import Alignment

# A BCP 47 tag in its plain shape: a primary subtag, then subtags.
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*\Z")
_TMX_DATE = re.compile(r"\d{8}T\d{6}Z\Z")


def _attr(value: str) -> str:
    return quoteattr(xml_safe(value))


def _text(value: str) -> str:
    # A raw CR would reach readers as LF (XML end-of-line handling).
    return escape(xml_safe(value), {"\r": "&#13;"})


def check_language_tag(tag: str, option: str) -> str:
    """``tag`` if it looks like a BCP 47 language tag, else :class:`UsageError` naming ``option``."""
    if not isinstance(tag, str) or not _LANG_TAG.match(tag):
        raise UsageError(f"{option} {tag!r} is not a language tag (for example zh-CN, en)")
    return tag


def tmx_date(value: str | datetime) -> str:
    """``value`` in the TMX date form ``YYYYMMDDThhmmssZ`` (UTC).

    A naive ``datetime`` counts as UTC; a string must already be in that form.
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value.strftime("%Y%m%dT%H%M%SZ")
    if isinstance(value, str) and _TMX_DATE.match(value):
        return value
    raise UsageError(f"creation_date {value!r} is not a TMX date (YYYYMMDDThhmmssZ)")


def write_tmx(
    alignment: Alignment,
    stream: TextIO,
    zh_lang: str = "zh-CN",
    en_lang: str = "en",
    min_confidence: float | None = None,
    creation_date: str | datetime | None = None,
    **_: Any,
) -> None:
    """Write ``alignment`` as TMX 1.4b to a text stream.

    ``zh_lang``/``en_lang`` are the ``xml:lang`` tags (``srclang`` is the zh
    one); beads below ``min_confidence`` are left out; ``creation_date``
    (``YYYYMMDDThhmmssZ`` or a ``datetime``) is written only when given.
    """
    from aligner import __version__

    zh_lang = check_language_tag(zh_lang, "zh_lang")
    en_lang = check_language_tag(en_lang, "en_lang")
    if zh_lang.lower() == en_lang.lower():
        raise UsageError(f"zh_lang and en_lang are both {zh_lang!r}: the two sides need different language tags")
    if min_confidence is not None and (
        isinstance(min_confidence, bool) or not isinstance(min_confidence, (int, float)) or not 0.0 <= min_confidence <= 1.0
    ):
        raise UsageError(f"min_confidence must be a number from 0 to 1, not {min_confidence!r}")
    header = {
        "creationtool": "aligner",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "aligner",
        "adminlang": "en",
        "srclang": zh_lang,
        "datatype": "plaintext",
    }
    if creation_date is not None:
        header["creationdate"] = tmx_date(creation_date)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write('<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    stream.write('<tmx version="1.4">\n')
    stream.write("  <header " + " ".join(f"{k}={_attr(v)}" for k, v in header.items()) + "/>\n")
    stream.write("  <body>\n")
    for bead in alignment.beads:
        if not bead.zh or not bead.en:
            continue
        # an unknown (NaN) confidence does not pass a threshold
        if min_confidence is not None and not bead.confidence >= min_confidence:
            continue
        zh = _text(alignment.text(bead, "zh"))
        en = _text(alignment.text(bead, "en"))
        confidence = f"{bead.confidence:.4f}" if math.isfinite(bead.confidence) else "unknown"
        stream.write("    <tu>\n")
        stream.write(f'      <prop type="x-aligner-kind">{bead.kind}</prop>\n')
        stream.write(f'      <prop type="x-aligner-confidence">{confidence}</prop>\n')
        stream.write(f"      <tuv xml:lang={_attr(zh_lang)}><seg>{zh}</seg></tuv>\n")
        stream.write(f"      <tuv xml:lang={_attr(en_lang)}><seg>{en}</seg></tuv>\n")
        stream.write("    </tu>\n")
    stream.write("  </body>\n</tmx>\n")
