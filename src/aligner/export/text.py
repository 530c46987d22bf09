"""Text hygiene shared by the exporters."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids: C0 controls but tab/LF/CR, surrogates, U+FFFE/FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Anything that would break a TSV line or cell.
_CELL_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", text)


def one_line(text: str) -> str:
    """``text`` as one TSV cell: tabs and line breaks become spaces, and
    lone surrogates (which UTF-8 cannot encode) are dropped."""
    return _CELL_BREAKS.sub(" ", re.sub("[\ud800-\udfff]", "", text))
