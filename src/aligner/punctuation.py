"""Punctuation evidence: how the two sides of a bead end, whether they ask,
and whether they leave a quotation open.

A translated span usually ends the way its source ends: a full stop (or
``!``/``?``) with a full stop, a clause mark (comma, semicolon, colon) with a
clause mark. A question is usually translated by a question. And a span
that opens a quotation and does not close it (dialogue split over several
sentences) is translated by one that does the same. These per-unit marks
are cheap, language-independent and, unlike words, never ambiguous.
"""

from __future__ import annotations

import re

import numpy as np

OTHER, FINAL, CLAUSE = 0, 1, 2

_CLOSERS = "\"'”’」』）)》】]〕»›"
_FINAL = set("。．.!?！？…")
_CLAUSE = set("，,;；:：、")
_QUESTION = ("?", "？")


def end_class(text: str) -> int:
    """:data:`FINAL`, :data:`CLAUSE` or :data:`OTHER`, by the last mark
    before any closing quotes or brackets."""
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    if not stripped:
        return OTHER
    last = stripped[-1]
    if last in _FINAL:
        return FINAL
    if last in _CLAUSE:
        return CLAUSE
    return OTHER


def questions(text: str) -> int:
    """Number of question marks (half- or full-width)."""
    return sum(text.count(q) for q in _QUESTION)


def end_classes(texts: list[str]) -> np.ndarray:
    """:func:`end_class` of each text, as an int8 array."""
    return np.array([end_class(t) for t in texts], dtype=np.int8)


def question_counts(texts: list[str]) -> np.ndarray:
    """:func:`questions` of each text, as an int array."""
    return np.array([questions(t) for t in texts], dtype=np.int64)


#: Opening quotes: curly or corner ones, or a straight quote at the start
#: of a word. Closing: their partners, or a straight quote after a word or
#: a mark; a curly ``’`` before a letter is an apostrophe (``didn’t``).
_OPEN = re.compile(r"[“「『‘]|(?:^|(?<=[\s(\[—-]))['\"](?=[\w…])")
_CLOSE = re.compile(r"[”」』]|’(?![A-Za-z])|(?<=[\w.,!?;:…—-])['\"](?=[\s.,!?;:)\]—-]|$)")


def quote_balance(text: str) -> int:
    """Quotes ``text`` opens minus quotes it closes: positive when a quotation
    runs on past its end, negative when it ends one begun before."""
    return len(_OPEN.findall(text)) - len(_CLOSE.findall(text))


def quote_balances(texts: list[str]) -> np.ndarray:
    """:func:`quote_balance` of each text, as an int array."""
    return np.array([quote_balance(t) for t in texts], dtype=np.int64)
