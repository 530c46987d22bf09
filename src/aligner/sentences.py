"""Paragraph → sentences, per language.

Chinese (:func:`split_zh`): a sentence ends after ``。！？!?`` or an
ellipsis ``…``/``……`` that is followed by a new sentence; closing quotes
and brackets stay with their sentence; a short speech tag after a closing
quote (``“走吧。”他说。``) stays with the quote. ``；`` and ``：`` do not end
a sentence; a half-width ``.`` does only between Chinese text (``很好.我们``,
typed with half-width marks), never in ``3.5%`` or ``www.gov.cn``.

English (:func:`split_en`): NLTK's Punkt with parameters shipped here (no
download): abbreviations (``U.S.``, ``Mr.``, ``Dr.``, ``No.``, ``e.g.``,
months, titles), single-letter initials, decimals.

Invariant: the sentences are slices of the paragraph, in order; joined,
they give the paragraph back up to the whitespace between them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from aligner.clean import HAN_RANGES
from aligner.model import Document, Lang, Paragraph, Sentence

#: Sentence ends; a half-width full stop only right after a Han character
#: (or a percent sign) and before Han text, a space or the end, as in text
#: typed with half-width marks (``很好.我们``); never in ``3.5`` or ``www.gov.cn``.
_ZH_END = re.compile(
    rf"(?:[。！？!?]+|…+|\.{{3,}}|(?<=[{HAN_RANGES}%％])\.(?=[{HAN_RANGES}“‘「『\s]|$))[”’」』）)》】\"'〕]*"
)
_ZH_CLOSERS = "”’」』）)》】\"'〕"
_NEXT_MARK = re.compile(r"\s*(\S)")
_PAGE_AFTER = re.compile(r"\s*\d{1,4}\s*$")
_SPEECH_TAG = re.compile(r"^[^。！？!?“”「」，,]{1,10}(?:说|說|问|問|答|喊|叫|嚷|补充|補充|回答)(?:道|着|著)?[。！？!?]$")

#: Abbreviations Punkt must not take for sentence ends (lower case, without
#: the final period).
EN_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr rev gen gov sen rep col lt sgt capt cmdr adm maj hon pres
    mt ft ave blvd rd no nos vol vols fig figs p pp ch sec art para ed eds approx dept est
    inc ltd co corp bros assn univ e.g i.e cf viz al vs etc a.m p.m u.s u.k u.n u.s.a e.u
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    ph.d m.d b.a m.a d.c l.a n.y""".split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")

# Abbreviations that end a sentence as often as not: Punkt may split after
# them when a capitalised word follows.
_SENTENCE_FINAL_ABBREVIATIONS = frozenset({"etc", "inc", "ltd", "co", "corp"})


@lru_cache(maxsize=1)
def _punkt() -> Any:
    """A Punkt tokenizer built from shipped parameters (no data download)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(EN_ABBREVIATIONS - _SENTENCE_FINAL_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


_SPACED_ELLIPSIS = re.compile(r"\.(?: \.){2,}")
_ELLIPSIS_THEN_SENTENCE = re.compile(r"(?:\.(?: \.){2,}|…)[\"'”’]?(?=\s+[\"'“‘]?[A-Z])")


#: A piece that cannot start a sentence: a lower-case word (``he asked.``),
#: not a brand written in camel case (``iPhone``, ``eBay``), or a bracket
#: the sentence goes on after (``Acme Inc. (NASDAQ: ACME), a maker of``).
_LOWER_START = re.compile(r"""^["'“‘(]?[a-z][a-z'’,;:. -]|^\([^()]*\)\s*[,;:a-z]""")
#: A footnote mark after a sentence's end: ``year.¹ Net`` or ``year.[1] Net``.
_FOOTNOTE_MARK = r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[(?:\d{1,3}|[a-z])\]|[†‡])+"
_FOOTNOTE_AFTER_END = re.compile(rf"""(?:(?<=[.!?])|(?<=[.!?]["'”’)])){_FOOTNOTE_MARK}(?=\s)""")
#: The same after a Chinese sentence end (``。¹``, ``。[1]``): it goes with that sentence.
_ZH_FOOTNOTE = re.compile(_FOOTNOTE_MARK)


def split_en(text: str) -> list[tuple[int, int]]:
    """Character spans of the English sentences of ``text``.

    A spaced ellipsis (``. . .``) is hidden from Punkt, which would cut at
    each dot; it ends a sentence when a capitalised word follows. A footnote
    mark after a sentence's end (``year.¹``, ``year.[1]``) is hidden too, and
    stays with that sentence. A piece starting with a lower-case word goes
    on the sentence before it (``"Did you say yes?" he asked.``).
    """
    masked = _SPACED_ELLIPSIS.sub(lambda m: "…" * len(m.group()), text)
    marks = {m.start(): m.end() for m in _FOOTNOTE_AFTER_END.finditer(masked)}
    if marks:
        masked = _FOOTNOTE_AFTER_END.sub(lambda m: " " * len(m.group()), masked)
    spans: list[tuple[int, int]] = []
    for start, end in _punkt().span_tokenize(masked):
        end = marks.get(end, end)  # the mark goes with the sentence it follows
        cut = start
        for match in _ELLIPSIS_THEN_SENTENCE.finditer(text, start, end):
            spans.append((cut, match.end()))
            cut = match.end()
        spans.append((cut, end))
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if not text[start:end].strip():
            continue
        piece = text[start:end].strip()
        if joined and _LOWER_START.match(piece) and not _ENUMERATOR.match(piece.split(" ", 1)[0]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def split_zh(text: str) -> list[tuple[int, int]]:
    """Character spans of the Chinese sentences of ``text``."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _ZH_END.finditer(text):
        end = match.end()
        ellipsis_only = not re.search(r"[。！？!?]", match.group()) and match.group()[-1] not in _ZH_CLOSERS
        if ellipsis_only:
            following = _NEXT_MARK.match(text, end)  # the next non-space character, if any
            if following is None or following.group(1) in "，,、；;：:" + _ZH_CLOSERS or _PAGE_AFTER.match(text, end):
                continue  # an ellipsis inside a sentence, or the leader dots of a contents line
        mark = _ZH_FOOTNOTE.match(text, end)
        if mark is not None:
            end = mark.end()  # 。¹ and 。[1]: the mark stays with its sentence
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return _merge_speech_tags(text, spans)


def _merge_speech_tags(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join ``“……。”`` and a following short speech tag such as ``他说。``."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end].strip()
        if merged and text[merged[-1][0] : merged[-1][1]].rstrip()[-1:] in "”」』\"" and _SPEECH_TAG.match(piece):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


#: A list marker standing alone: ``1.``, ``12)``, ``(3)``, ``a.``, ``IV.``.
_ENUMERATOR = re.compile(r"^\(?(?:\d{1,3}|[A-Za-z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})[.)]$")


def sentence_spans(text: str, lang: Lang) -> list[tuple[int, int]]:
    """Character spans of the sentences of one paragraph, trimmed of
    surrounding whitespace, none empty. A list marker (``1.``) that the
    splitter cut off is kept with the sentence it numbers."""
    raw = split_zh(text) if lang == "zh" else split_en(text)
    out: list[tuple[int, int]] = []
    for start, end in raw:
        piece = text[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right <= left:
            continue
        if out and _ENUMERATOR.match(text[out[-1][0] : out[-1][1]]):
            out[-1] = (out[-1][0], start + right)
        else:
            out.append((start + left, start + right))
    return out


def split_sentences(text: str, lang: Lang) -> list[str]:
    """The sentences of one paragraph, stripped, none empty."""
    return [text[s:e] for s, e in sentence_spans(text, lang)]


def split_paragraphs(paragraphs: list[Paragraph], lang: Lang) -> list[Sentence]:
    """Sentences of a paragraph stream, numbered in stream order."""
    sentences: list[Sentence] = []
    for p_index, paragraph in enumerate(paragraphs):
        line, counted = paragraph.lines[0], 0  # line breaks counted up to ``counted``, once
        breaks, passed = paragraph.breaks, 0
        for start, end in sentence_spans(paragraph.text, lang):
            line += paragraph.text.count("\n", counted, start)
            counted = start
            while passed < len(breaks) and breaks[passed][0] <= start:
                line = breaks[passed][1]
                passed += 1
            sentences.append(
                Sentence(text=paragraph.text[start:end], lang=lang, index=len(sentences), paragraph=p_index, line=line)
            )
    return sentences


def split_document(doc: Document) -> tuple[list[Sentence], list[Sentence]]:
    """The zh and en sentence streams of a document."""
    return split_paragraphs(doc.zh, "zh"), split_paragraphs(doc.en, "en")
