"""The Porter stemmer (M. F. Porter, "An algorithm for suffix stripping",
*Program* 14(3), 1980), as the paper defines it.

English words and dictionary glosses are compared by their stems, so the
two only need the same stemmer; this one is here so that aligning needs
no import of a large toolkit. A word is lower-case ASCII letters (an
apostrophe may stand in it, as in ``john's``); words of one or two
letters are left as they are.

Terms of the paper: a *consonant* is a letter other than a, e, i, o, u,
and other than a y that follows a consonant; ``m``, the *measure* of a
stem, counts its vowel-consonant sequences (``[C](VC)^m[V]``).
"""

from __future__ import annotations

_VOWELS = frozenset("aeiou")


def _is_consonant(word: str, i: int) -> bool:
    ch = word[i]
    if ch in _VOWELS:
        return False
    if ch == "y":
        return i == 0 or not _is_consonant(word, i - 1)
    return True


def _measure(stem: str) -> int:
    """``m`` of the paper: the number of vowel-then-consonant runs in ``stem``."""
    m = 0
    previous_vowel = False
    for i in range(len(stem)):
        vowel = not _is_consonant(stem, i)
        if previous_vowel and not vowel:
            m += 1
        previous_vowel = vowel
    return m


def _has_vowel(stem: str) -> bool:
    return any(not _is_consonant(stem, i) for i in range(len(stem)))


def _double_consonant(stem: str) -> bool:
    return len(stem) >= 2 and stem[-1] == stem[-2] and _is_consonant(stem, len(stem) - 1)


def _cvc(stem: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (``*o``)."""
    if len(stem) < 3:
        return False
    n = len(stem)
    return (
        _is_consonant(stem, n - 3)
        and not _is_consonant(stem, n - 2)
        and _is_consonant(stem, n - 1)
        and stem[-1] not in "wxy"
    )


def _step1a(word: str) -> str:
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ies"):
        return word[:-2]
    if word.endswith("ss"):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def _step1b(word: str) -> str:
    if word.endswith("eed"):
        return word[:-1] if _measure(word[:-3]) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
            return _step1b_tidy(word[: -len(suffix)])
    return word


def _step1b_tidy(stem: str) -> str:
    """After ``-ed`` or ``-ing`` went: ``conflat`` → ``conflate``, ``hopp`` → ``hop``, ``fil`` → ``file``."""
    if stem.endswith(("at", "bl", "iz")):
        return stem + "e"
    if _double_consonant(stem) and stem[-1] not in "lsz":
        return stem[:-1]
    if _measure(stem) == 1 and _cvc(stem):
        return stem + "e"
    return stem


def _step1c(word: str) -> str:
    if word.endswith("y") and _has_vowel(word[:-1]):
        return word[:-1] + "i"
    return word


#: Steps 2 and 3: suffix → replacement when the stem before it has m > 0.
_STEP2 = (
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
    ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
    ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
)
_STEP3 = (("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""))
#: Step 4: suffixes removed when the stem before them has m > 1.
_STEP4 = (
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
    "ism", "ate", "iti", "ous", "ive", "ize",
)


def _replace_longest(word: str, rules: tuple[tuple[str, str], ...], min_measure: int) -> str:
    """The longest suffix of ``rules`` that ``word`` ends with, replaced if
    the stem before it has a measure above ``min_measure``."""
    best = max((suffix for suffix, _ in rules if word.endswith(suffix)), key=len, default=None)
    if best is None:
        return word
    stem = word[: -len(best)]
    if _measure(stem) > min_measure:
        return stem + dict(rules)[best]
    return word


def _step4(word: str) -> str:
    best = max((suffix for suffix in _STEP4 if word.endswith(suffix)), key=len, default=None)
    if best is None:
        return word
    stem = word[: -len(best)]
    if _measure(stem) > 1 and (best != "ion" or stem.endswith(("s", "t"))):
        return stem
    return word


def _step5(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            word = stem
    if word.endswith("ll") and _measure(word) > 1:
        word = word[:-1]
    return word


def porter_stem(word: str) -> str:
    """Porter stem of a lower-case word (``relational`` → ``relat``,
    ``ponies`` → ``poni``, ``hopping`` → ``hop``)."""
    if len(word) <= 2:
        return word
    word = _step1a(word)
    word = _step1b(word)
    word = _step1c(word)
    word = _replace_longest(word, _STEP2, 0)
    word = _replace_longest(word, _STEP3, 0)
    word = _step4(word)
    return _step5(word)
