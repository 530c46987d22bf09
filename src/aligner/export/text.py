"""Text hygiene shared by the exporters."""

from __future__ import annotations

import re

# A high surrogate followed by a low one: one character stored as two halves.
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters XML 1.0 forbids: C0 controls but tab/LF/CR, surrogates, U+FFFE/FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Everything ``str.splitlines`` breaks on, and the tab: each would break a
# TSV line or cell.
_CELL_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _pair(match: re.Match[str]) -> str:
    high, low = match.group()
    return chr(0x10000 + ((ord(high) - 0xD800) << 10) + (ord(low) - 0xDC00))


def no_surrogates(text: str) -> str:
    """``text`` encodable as UTF-8: surrogate halves that form a pair are
    joined into their character, lone ones are dropped."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("", _SURROGATE_PAIR.sub(_pair, text))


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", no_surrogates(text))


def one_line(text: str) -> str:
    """``text`` as one TSV cell: tabs and line breaks become spaces, and
    lone surrogates (which UTF-8 cannot encode) are dropped."""
    return _CELL_BREAKS.sub(" ", no_surrogates(text))
