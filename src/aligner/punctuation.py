"""Punctuation evidence: how the two sides of a bead end, and whether they ask.

A translated span usually ends the way its source ends: a full stop (or
``!``/``?``) with a full stop, a clause mark (comma, semicolon, colon) with a
clause mark. And a question is usually translated by a question. These
per-unit marks are cheap, language-independent and, unlike words, never
ambiguous.
"""

from __future__ import annotations

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
