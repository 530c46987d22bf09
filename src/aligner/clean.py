"""Text normalisation that is safe to apply before alignment.

* :func:`clean_text` removes what is never text: control characters (but
  tab and LF), zero-width characters, stray BOMs, lone surrogates and
  non-characters; exotic spaces become plain spaces; trailing spaces go.
* :func:`strip_markup` turns HTML pasted into a text file back into text
  (only when it holds real tags): block tags become line breaks, other
  tags go, entities are decoded, scripts and styles are dropped.
* :func:`remove_pinyin_artifacts` removes the pinyin readings that some
  Traditional-script converters inject after a character (``統(tǒng)`` →
  ``統``) and keeps real parentheticals (``(NDC)``, ``(COP29)``,
  ``(即注冊用戶)``).

Nothing else of the real text changes: full-width punctuation, quotes and
spacing between words are kept as they are. :func:`fold_width` gives the
half-width form of full-width letters and digits (``ＧＤＰ２０２４`` →
``GDP2024``) for comparison only; the text keeps its own.
"""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_TRAILING = re.compile("[ \t]+$", re.M)
#: Full-width digits and Latin letters → ASCII; a full-width point between digits too.
_HALF_WIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
_WIDE = re.compile("[\uff0e-\uff5a]")
_WIDE_POINT = re.compile("(?<=[0-9\uff10-\uff19])\uff0e(?=[0-9\uff10-\uff19])")


def fold_width(text: str) -> str:
    """``text`` with full-width digits and Latin letters in half width
    (``ＧＤＰ增长５．２％`` → ``GDP增长5.2％``); other characters unchanged, same length."""
    if not _WIDE.search(text):
        return text
    return _WIDE_POINT.sub(".", text).translate(_HALF_WIDTH)

# A toned pinyin vowel (tone marks 1-4, also on ü), and one pinyin syllable
# with at least one such vowel, or a syllable with a tone digit (zhong1).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_FINAL_LETTERS = f"[aeiouvü{_TONED}]+(?:ng|n|r)?"
_TONE_SYLLABLE = re.compile(rf"{_INITIALS}{_FINAL_LETTERS}", re.I)
#: The Han character ranges every module means by "Han": CJK Unified
#: Ideographs, Extension A and the compatibility ideographs (for ``[...]``).
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PAREN_AFTER_HAN = re.compile(rf"(?<=[{HAN_RANGES}])[(（]([a-zA-Z{_TONED}ü\u0300-\u036f]{{1,10}}[1-5]?)[)）]")


_TAG_NAMES = r"p|br|div|span|a|li|ul|ol|tr|td|th|table|tbody|thead|h[1-6]|strong|em|b|i|u|img|font|section|article|header|footer|nav|blockquote|html|body|head|title|meta|link"
_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]*>", re.I)
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|tr|h[1-6]|table|section|article|header|footer|blockquote|title)\b[^<>]*>", re.I)
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# A tag: a name of ASCII letters and digits, then attributes after a space;
# ``x<y且y>z`` or ``a < b > c`` is text, not a tag.
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<![^<>]*>")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_markup(text: str) -> str:
    """Text of HTML pasted into a file. Tags go only when it has three known
    tags or more (a sentence that merely mentions ``<b>`` stays); line
    breaks (``<br>``) and character references (``&nbsp;``, ``&#39;``) are
    turned back into text in any file."""
    import html

    if len(_TAG.findall(text)) < 3:
        if "&" in text:
            text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
        return _BREAK.sub("\n", text) if "<" in text else text
    text = _COMMENT.sub("", _SCRIPT.sub("", text))
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text)


def clean_text(text: str) -> str:
    """``text`` without control, zero-width and non-characters; odd spaces
    made plain; no trailing spaces on any line; a line of Han characters
    spaced one by one (``董 事 长 致 辞``, as PDF titles come out) closed up.
    Tabs and LFs are kept."""
    text = _CONTROL.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _TRAILING.sub("", text)
    if " " not in text and "\u3000" not in text:
        return text
    return _SPACED_HAN_LINE.sub(lambda m: m.group(1) + re.sub("[ \u3000]", "", m.group(2)), text)


#: A whole line of two or more Han characters, each followed by one to
#: three spaces, plain or ideographic (``董 事 长``, ``目  录``, ``前\u3000言``).
_SPACED_HAN_LINE = re.compile(rf"^([ \t\u3000]*)((?:[{HAN_RANGES}][ \u3000]{{1,3}})+[{HAN_RANGES}])$", re.M)


def is_pinyin_reading(word: str) -> bool:
    """True for one pinyin syllable that carries a tone: a tone-marked vowel
    (``tǒng``, ``huán``) or a tone digit (``tong3``).

    Toneless syllables such as ``(ma)`` are kept as text: they are as likely
    to be real abbreviations.
    """
    word = unicodedata.normalize("NFC", word)
    if word[-1:].isdigit():
        body = word[:-1]
        return bool(body) and word[-1] in "12345" and _TONE_SYLLABLE.fullmatch(body) is not None and body.isascii()
    if not any(ch in _TONED for ch in word.lower()):
        return False
    return _TONE_SYLLABLE.fullmatch(word) is not None


def pinyin_artifact_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the parenthesised tone-bearing pinyin
    syllables that follow a Han character (``統(tǒng)``), in order."""
    return [(m.start(), m.end()) for m in _PAREN_AFTER_HAN.finditer(text) if is_pinyin_reading(m.group(1))]


def remove_pinyin_artifacts(text: str) -> str:
    """Drop parenthesised tone-bearing pinyin syllables that follow a Han character."""
    return without_spans(text, pinyin_artifact_spans(text))


def without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the (ordered, non-overlapping) ``[start, end)`` spans cut out."""
    kept, last = [], 0
    for start, end in spans:
        kept.append(text[last:start])
        last = end
    kept.append(text[last:])
    return "".join(kept)
