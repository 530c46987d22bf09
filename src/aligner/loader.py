"""Text → blocks → a Chinese and an English paragraph stream.

Steps, each a small pure function:

1. :func:`~aligner.clean.strip_markup` undoes pasted HTML and
   :func:`~aligner.clean.clean_text` removes what is never text;
2. :func:`running_headers` finds the page headers and footers that recur
   with a page number, to be set aside and read past;
3. :func:`split_blocks` cuts the text into blocks (a line, or several
   hard-wrapped lines of one paragraph, joined), each with its source lines;
   a line holding both a Chinese and an English part (``中文<TAB>English``)
   gives two blocks;
4. :func:`boilerplate_reason` sets aside page furniture (credits, copyright
   notices, comment prompts, footer links, menus, pagers, separators, lines
   without letters);
5. :func:`classify` labels the rest ``zh``, ``en`` or ``other``;
6. pinyin readings injected by converters are removed from Chinese blocks.

The streams keep document order within each language; :func:`detect_layout`
names the arrangement (informational: alignment does not depend on it).
Files are read only in :func:`load_file`, :func:`load_pair` and
:func:`read_text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal, Sequence

from aligner.clean import HAN_RANGES, clean_text, fold_width, pinyin_artifact_spans, strip_markup, without_spans
from aligner.decode import decode
from aligner.errors import InputError
from aligner.model import Document, Paragraph, SetAside

BlockLang = Literal["zh", "en", "other"]

_HAN = re.compile(f"[{HAN_RANGES}]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_EN_FINAL = re.compile(r"""[.!?:;…]["'”’)\]]*$""")
_ZH_FINAL = re.compile(r"[。！？!?；;：:…」』”’)）》】]$")

#: Characters a hard-wrapped English line has at least (text is wrapped at
#: 60-80 columns; subtitle and verse lines run shorter).
WRAP_MIN = 45

#: Share of Han characters above which a block is Chinese: one Han character
#: carries about as much as three Latin letters.
LATIN_PER_HAN = 3.0


@dataclass(frozen=True)
class Block:
    """A piece of the source: its text and 0-based line range ``[start, end)``;
    ``breaks`` are the offsets in ``text`` where its second, third ... source
    line begin, each with that line's number (hard-wrapped lines joined into
    one block)."""

    text: str
    lines: tuple[int, int]
    breaks: tuple[tuple[int, int], ...] = ()


_ZH_PUNCTUATION = re.compile(r"[，、；：]|[。！？][”’」』）]*\s*$")
#: An e-mail or web address (lower case, yet not a sentence's words).
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
#: A lower-case English word: the mark of a sentence rather than a name.
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
#: A Chinese label opening a line: ``甲方：``, ``型号：``, ``地址:``.
_ZH_LABEL_TEXT = rf"\s*[{HAN_RANGES}]{{1,8}}\s*[：:]"
_ZH_LABEL = re.compile(f"^{_ZH_LABEL_TEXT}")


@lru_cache(maxsize=256)  # a line is classified several times on its way to a block
def classify(text: str) -> BlockLang:
    """``zh`` if Han characters dominate, ``en`` if Latin letters do, else ``other``.

    A Chinese paragraph with ``COP29`` or ``NDC`` in it is Chinese; an English
    one quoting a Chinese name is English. Chinese punctuation (``，``, ``、``,
    a closing ``。``) doubles the weight of the Han characters, so a Chinese
    sentence full of product names (``他在GitHub上发布了PyTorch的benchmark结果。``)
    stays Chinese.
    """
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(fold_width(text)))
    if han and latin > han * LATIN_PER_HAN and _ZH_LABEL.match(text) and not _LOWER_WORD.search(_ADDRESS.sub("", text)):
        return "zh"  # 乙方：Bluewave Analytics Ltd. (but 原文：The committee approved ... is English)
    if han >= 2 and latin > han * LATIN_PER_HAN and _ZH_PUNCTUATION.search(text):
        return _lang_from(2 * han, latin)
    return _lang_from(han, latin)


def _lang_from(han: int, latin: int) -> BlockLang:
    """:func:`classify` from the counts of Han characters and Latin letters."""
    if han and han * LATIN_PER_HAN >= latin:
        return "zh"
    return "en" if latin >= 2 else "other"


# --- boilerplate ---------------------------------------------------------

_SEPARATOR = re.compile(r"^\s*([-=*_~#·•.+<>|/\\])\1{2,}\s*$|^\s*([-=*_~#·•.]\s){2,}[-=*_~#·•.]\s*$")
_CREDIT = re.compile(
    r"^\s*(供稿|来源|來源|稿源|责任编辑|責任編輯|责编|責編|编辑|編輯|作者|记者|記者|通讯员|通訊員|摄影|攝影|"
    r"图片来源|圖片來源|翻译|翻譯|校对|校對|审核|審核|审校|審校|"
    r"editor|edited by|source|author|reporter|photo(?: by)?|translated by|written by|by)\s*[:：|｜]",
    re.I,
)
_COPYRIGHT_START = re.compile(
    r"^\s*(版权声明|版權聲明|版权所有|版權所有|免责声明|免責聲明|copyright\b|©|\(c\)\s*\d{4}|all rights reserved|disclaimer\s*[:：])",
    re.I,
)
_COPYRIGHT_ANYWHERE = re.compile(r"版权所有|版權所有|all rights reserved|©\s*\d{4}|copyright\s*©?\s*\d{4}", re.I)
_PROMPT = re.compile(
    r"^\s*(我也说两句|我也說兩句|发表评论|發表評論|网友评论|網友評論|查看评论|查看評論|分享到|分享至|点击|點擊|"
    r"扫一扫|掃一掃|打印本页|打印|关闭窗口|關閉窗口|关闭|關閉|返回顶部|返回頂部|返回|上一篇|下一篇|相关阅读|相關閱讀|"
    r"share this|share on|share|comments?|leave a (?:comment|reply)|print(?: this page)?|back to top|"
    r"read more|related (?:articles|stories)|previous|next|subscribe|follow us|click here|powered by)\b",
    re.I,
)
#: Footer links: page furniture only after the last translated text (a
#: privacy policy's own title, or an "About us" heading, is text).
_FOOTER = re.compile(
    r"^\s*(首页|首頁|联系我们|聯繫我們|关于我们|關於我們|隐私政策|隱私政策|网站地图|網站地圖|使用条款|使用條款|"
    r"home|contact us|about us|privacy policy|terms of (?:use|service)|sitemap|site map)\b",
    re.I,
)
#: A prompt never ends a sentence (``Next, the minister spoke.`` is text).
_ENDS_SENTENCE = re.compile(r"""[.!?。！？…]["'”’」』)）]*$""")
#: A pager: page numbers and the words around them, nothing else
#: (``Page 2``, ``Page 2 of 5``, ``第 1 页 共 3 页``, ``上一页 1 2 3 下一页``).
_PAGER_WORD = re.compile(r"\bpage\b|[页頁]|\bprev(?:ious)?\b|\bnext\b", re.I)
_PAGER_TOKENS = re.compile(
    r"\b(?:page|of|prev(?:ious)?|next|first|last)\b|上一[页頁]|下一[页頁]|首[页頁]|尾[页頁]|末[页頁]|[第共页頁]|"
    r"[\d\s«»‹›<>|/.…:：,，()（）\[\]【】-]",
    re.I,
)
_URL_ONLY = re.compile(r"^\s*(https?://\S+|www\.\S+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*$", re.I)
_MENU_SPLIT = re.compile(r"\s*(?:\||｜|>|»|›|/|·|•)\s*")


def boilerplate_reason(text: str, at_end: bool = False) -> str | None:
    """Why a block is page furniture rather than translated text, or None.

    Conservative: a sentence that merely mentions copyright is kept; a
    notice that starts the block, or a short block naming one, is not.
    ``at_end`` (the block follows the last translated text) lets longer
    notices go too.
    """
    stripped = text.strip()
    if not _LETTER_OR_DIGIT.search(stripped):
        return "no text"
    if _SEPARATOR.match(stripped):
        return "separator"
    if _URL_ONLY.match(stripped):
        return "link"
    if _COPYRIGHT_START.match(stripped):
        return "copyright notice"
    if _COPYRIGHT_ANYWHERE.search(stripped) and (len(stripped) < 120 or at_end):
        return "copyright notice"
    if _CREDIT.match(stripped) and len(stripped) < 120:
        return "credit"
    if _is_menu(stripped):
        return "menu"
    if _PROMPT.match(stripped) and len(stripped) < 40 and not _ENDS_SENTENCE.search(stripped):
        return "prompt"
    if at_end and _FOOTER.match(stripped) and len(stripped) < 40 and not _ENDS_SENTENCE.search(stripped):
        return "footer link"
    if len(stripped) < 80 and _PAGER_WORD.search(stripped) and not _PAGER_TOKENS.sub("", stripped):
        return "pager"
    return None


def _is_menu(text: str) -> bool:
    """Three or more short items separated by ``|``, ``>``, ``·`` ... and no sentence."""
    items = [item for item in _MENU_SPLIT.split(text) if item]
    if len(items) < 3 or len(text) > 160:
        return False
    return all(len(item) <= 16 and not _EN_FINAL.search(item) and not _ZH_FINAL.search(item) for item in items)


# --- blocks --------------------------------------------------------------

_NUMBER_CELL = re.compile(r"[¥$€£+\-–(（]*\d[\d.,:/%]*\s*(?:元|円|块|角|分|%|％|[)）])?")
_TWO_PARTS = re.compile(r"\t+|\s{2,}|\s*\|\s*|\s+/\s+")


def split_blocks(text: str, skip: frozenset[int] = frozenset()) -> list[Block]:
    """Blocks of ``text`` with 0-based line ranges.

    Each non-blank line is a block, except that hard-wrapped lines of one
    paragraph are joined: an English line that does not end a sentence and
    is followed by an English line starting in lower case (or, inside a
    blank-line-separated paragraph, by any English line when it is as long
    as the paragraph's lines run and at least :data:`WRAP_MIN` characters:
    a wrap before a name; subtitles and verse lines are shorter), or, inside such a
    paragraph, a long Chinese line without final punctuation followed by
    more Chinese. A line with a Chinese and an English part side by side is
    split in two, and each part goes on the block of its own language from
    the line before (two columns wrapped side by side). Lines in ``skip``
    (running page headers, see :func:`running_headers`) are passed over as
    if they were not there, so a sentence cut by a page break is joined again.
    """
    return _blocks_of_lines(text.split("\n"), skip)


def _blocks_of_lines(lines: Sequence[str], skip: frozenset[int]) -> list[Block]:
    """:func:`split_blocks` on the text's lines, already split."""
    parts = [[] if k in skip or not line.strip() else _bilingual_parts(line.strip()) for k, line in enumerate(lines)]
    widest, prose = _chunk_max_widths(parts, [not line.strip() and k not in skip for k, line in enumerate(lines)])
    growing: list[_GrowingBlock] = []
    for number, line_parts in enumerate(parts):
        if number in skip:
            for block in growing[-2:]:
                if block.end == number:
                    block.end = number + 1  # the block runs on over the header
            continue
        for part, longest in zip(line_parts, widest[number]):
            lang = classify(part)
            last = next((b for b in reversed(growing[-2:]) if b.end == number and b.lang == lang), None)
            wrapped = last is not None and longest > 0 and _width(last.parts[-1]) >= max(WRAP_MIN, 0.8 * longest)
            if last is not None and _continues(last, part, longest, wrapped, prose[number]):
                last.parts.append(part)
                last.numbers.append(number)
                last.length += _width(part) + (last.lang == "en")
                last.end = number + 1
            else:
                growing.append(_GrowingBlock([part], lang, _width(part), number, number + 1, [number]))
    return [_joined(g) for g in growing]


def _joined(block: "_GrowingBlock") -> Block:
    """The block of a run of wrapped lines: English joined by a space (a word
    hyphenated across lines joined whole, see :func:`_is_english_word`),
    Chinese by nothing."""
    text, breaks = block.parts[0], []
    for part, number in zip(block.parts[1:], block.numbers[1:]):
        if block.lang == "en":
            if not (_LINE_END_HYPHEN.search(text) and part[:1].isalnum()):
                text += " "
            else:  # a word cut or a compound broken at its hyphen: no space
                left, right = _LINE_END_WORD.search(text), _FIRST_WORD.match(part)
                if left is not None and right is not None and _is_english_word(left.group(1) + right.group()):
                    text = text[:-1]  # develop- + ment: one word cut by the wrap
                # else: well- + known, e- + mail, COVID- + 19 keep their hyphen
        breaks.append((len(text), number))
        text += part
    return Block(text, (block.start, block.end), tuple(breaks))


_LINE_END_HYPHEN = re.compile(r"[A-Za-z0-9]-$")
_LINE_END_WORD = re.compile(r"(?<![A-Za-z-])([A-Za-z]{2,})-$")
_FIRST_WORD = re.compile(r"[a-z]+")


def _is_english_word(word: str) -> bool:
    """Whether the dictionary's English knows ``word`` (by its stem); the
    dictionary is loaded only for a hyphen at a line's end."""
    from aligner.evidence import default_lexicon, stem

    return default_lexicon().knows_english(stem(word.lower()))


def _paragraph(block: Block, lang: Literal["zh", "en"]) -> Paragraph:
    """A block as a paragraph; Chinese loses converter pinyin (``統(tǒng)``),
    and its line breaks move back by what was removed before them."""
    spans = pinyin_artifact_spans(block.text) if lang == "zh" else []
    if not spans:
        return Paragraph(lang=lang, text=block.text, lines=block.lines, breaks=block.breaks)
    breaks, removed, k = [], 0, 0
    for offset, number in block.breaks:
        while k < len(spans) and spans[k][1] <= offset:
            removed += spans[k][1] - spans[k][0]
            k += 1
        inside = spans[k][0] < offset if k < len(spans) else False  # a break inside a removed span
        breaks.append(((spans[k][0] if inside else offset) - removed, number))
    return Paragraph(lang=lang, text=without_spans(block.text, spans), lines=block.lines, breaks=tuple(breaks))


@dataclass
class _GrowingBlock:
    """A block being joined from hard-wrapped lines: its parts, language
    (that of its first part), width so far, line range and each part's line."""

    parts: list[str]
    lang: BlockLang
    length: int
    start: int
    end: int
    numbers: list[int]


#: Characters that take two columns on a terminal or a page (East Asian wide
#: and full-width): Han, kana, hangul, CJK and full-width punctuation.
_WIDE = re.compile(rf"[{HAN_RANGES}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\ua000-\ua4cf\uac00-\ud7a3\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def _width(text: str) -> int:
    """Display width of ``text`` in columns: wide characters count twice, so
    a wrapped Chinese line with half-width digits (``85.6亿元``) measures as
    wide as its neighbours."""
    return len(text) + len(_WIDE.findall(text))


#: A number at the start or end of a short line: a page header's page.
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(\d{1,3})(?:\s*-)?\s+(?=\S)|(?<=\S)\s+(?:-\s*)?(\d{1,3})(?:\s*-)?\s*$")


def running_headers(lines: Sequence[str]) -> frozenset[int]:
    """Numbers of the lines that are running page headers or footers, with
    the blank lines around them: short lines that recur, the same but for a
    page number (up to 999) at their start or end, at least three times, at
    three lines apart or more, with numbers that grow (``Annual Report 2023
    12``, ``二〇二三年年度报告  13``), and at least once inside a sentence
    (the text before it does not end one: a page break). The rest must be a
    title, not a label: two words or four Han characters at least, no
    sentence end. Headings that recur with a number (``Case Study 2``,
    ``Article 3``) stand after finished sentences and stay."""
    seen: dict[str, list[tuple[int, str]]] = {}
    for k, line in enumerate(lines):
        text = line.strip()
        if not text or len(text) > 80:
            continue
        match = _PAGE_NUMBER.search(text)
        if match is None:
            continue
        shape = " ".join(_PAGE_NUMBER.sub(" # ", text, count=1).split())
        rest = shape.replace("#", "")
        titled = len(_ASCII_WORD.findall(rest)) >= 2 or len(_HAN.findall(rest)) >= 4
        if titled and not _ENDS_SENTENCE.search(rest.strip()):
            seen.setdefault(shape, []).append((k, int(match.group(1) or match.group(2))))
    found: set[int] = set()
    for occurrences in seen.values():
        rows = [k for k, _ in occurrences]
        numbers = [number for _, number in occurrences]
        if (
            len(occurrences) >= 3
            and all(a < b for a, b in zip(numbers, numbers[1:]))
            and all(b - a >= 3 for a, b in zip(rows, rows[1:]))
            and any(_inside_sentence(lines, k) for k in rows)
        ):
            found.update(rows)
    for k in sorted(found):  # the blank lines around a header belong to the page break
        for step in (-1, 1):
            j = k + step
            while 0 <= j < len(lines) and not lines[j].strip():
                found.add(j)
                j += step
    return frozenset(found)


def _inside_sentence(lines: Sequence[str], k: int) -> bool:
    """Whether line ``k`` stands inside a sentence: the last text line before
    it is a full printed line (40 columns or more) that does not end one,
    and the next text line, if it starts with a Latin letter, goes on in
    lower case (a list item or a line of dialogue before a heading does not)."""
    before = next((lines[j].strip() for j in range(k - 1, -1, -1) if lines[j].strip()), "")
    after = next((lines[j].strip() for j in range(k + 1, len(lines)) if lines[j].strip()), "")
    if not before or _ENDS_SENTENCE.search(before) or _width(before) < 40 or not _LETTER.search(before):
        return False
    return not (after[:1].isascii() and after[:1].isalpha() and after[:1].isupper())


def _chunk_max_widths(parts: list[list[str]], blank: list[bool]) -> tuple[list[list[int]], list[bool]]:
    """For each part of each line, the widest part of its language in its
    blank-line-separated chunk (0 when it is the only one): Chinese wrapped
    at 30 characters and English at 70 in one chunk, or in two columns side
    by side, each run to their own width. And for each line, whether its
    chunk's Chinese is prose (holds clause or sentence marks): verse, lists
    and spec sheets without them are not wrapped text."""
    out = [[0] * len(p) for p in parts]
    prose = [False] * len(parts)
    start = 0
    for k in range(len(parts) + 1):
        if k == len(parts) or blank[k]:
            by_lang: dict[str, list[tuple[int, int]]] = {}
            for i in range(start, k):
                for n, part in enumerate(parts[i]):
                    by_lang.setdefault(classify(part), []).append((i, n))
            for members in by_lang.values():
                if len(members) > 1:
                    longest = max(_width(parts[i][n]) for i, n in members)
                    for i, n in members:
                        out[i][n] = longest
            punctuated = any(_ZH_PROSE_MARK.search(parts[i][n]) for i, n in by_lang.get("zh", []))
            for i in range(start, k):
                prose[i] = punctuated
            start = k + 1
    return out, prose


def _continues(block: "_GrowingBlock", line: str, chunk_longest: int, wrapped: bool = False, prose: bool = True) -> bool:
    """Whether ``line`` (in the block's language: the caller picks the block
    by it) goes on ``block``; ``wrapped``: the line before it is as long as
    its paragraph's lines run (hard-wrapped); ``prose``: the chunk's Chinese
    holds clause or sentence marks. Looks only at the block's language,
    length and last part, so joining stays linear."""
    tail = block.parts[-1]
    if _starts_item(tail, line) or _CONTENTS_ENTRY.search(tail):
        return False  # a bullet or a label after another starts an item; a contents line ends with its page
    if block.lang == "en":
        return not _EN_FINAL.search(tail) and (line[:1].islower() or wrapped or tail.endswith("-"))
    if block.lang == "zh":
        return prose and chunk_longest > 0 and not _ZH_FINAL.search(tail) and block.length >= 0.8 * chunk_longest
    return False


def _starts_item(tail: str, line: str) -> bool:
    """Whether ``line`` starts an item of its own after ``tail``: a bullet
    (an ASCII ``-`` or ``*`` only before a capital, a digit or Han, else it
    is a dash), or a label after another label (``Tel:`` after
    ``Address:``, ``型号：`` after ``处理器：``)."""
    bullet = _BULLET.match(line)
    if bullet is not None and (bullet.group(1) not in "-*" or not line[bullet.end() : bullet.end() + 1].islower()):
        return True
    return bool(_LABEL.match(line) and _LABEL.match(tail))


#: Chinese clause and sentence marks: prose, not verse, lists or spec sheets.
_ZH_PROSE_MARK = re.compile(r"[，。！？；、]")
_BULLET = re.compile(r"^\s*([•◆◇■□●○▪▫►▶✓✔※·\-*])\s")
#: A label opening a line: ``Tel: ``, ``Postcode: ``, ``型号：``.
_LABEL = re.compile(rf"^(?:[A-Z][A-Za-z]{{1,15}}(?: [A-Za-z]{{1,15}})?:\s|{_ZH_LABEL_TEXT})")
#: A table-of-contents line: leader dots, then a page number.
_CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|\s{3,})\s*\d+$")


def _bilingual_parts(line: str) -> list[str]:
    """``["中文…", "English…"]`` for a line holding both side by side, else
    ``[line]`` (a menu such as ``首页 | 新闻 | English`` stays whole)."""
    if _is_menu(line):
        return [line]
    pieces = [p for p in _TWO_PARTS.split(line) if p.strip()]
    # a column of numbers or prices (38元, ¥12.50, 2024) goes with the cell before it
    merged: list[str] = []
    for piece in pieces:
        if merged and _NUMBER_CELL.fullmatch(merged[-1].strip()) and len(merged) == 1:
            merged[-1] = f"{merged[-1].strip()} {piece}"  # a row number goes with the first cell
        elif merged and _NUMBER_CELL.fullmatch(piece.strip()):
            merged[-1] = f"{merged[-1]} {piece.strip()}"
        else:
            merged.append(piece)
    pieces = merged
    if len(pieces) < 2:
        return _alternating_sentences(line) or _sentence_cut(line)
    langs = [classify(p) for p in pieces]
    # one switch of language between the pieces, both sides substantial
    for cut in range(1, len(pieces)):
        left, right = set(langs[:cut]), set(langs[cut:])
        if len(left) == 1 and len(right) == 1 and left != right and left | right == {"zh", "en"}:
            a, b = _join_pieces(pieces[:cut]), _join_pieces(pieces[cut:])
            # explicit cells (tab, |) may be short, and so may parts each free
            # of the other's script when the English is words, not a code
            # (酸辣汤  Hot and Sour Soup, but 型号  XR-200 is one cell); others not
            zh_part, en_part = (a, b) if langs[0] == "zh" else (b, a)
            pure = not _LATIN.search(zh_part) and not _HAN.search(en_part) and _LOWER_WORD.search(en_part) is not None
            if min(len(a), len(b)) >= (2 if ("\t" in line or "|" in line or pure) else 4):
                return [a, b]
    return _sentence_cut(line)


#: Where a sentence ends and another may begin: Chinese final marks, or
#: English ones followed by a space (``5.2`` and ``U.S.A`` go on).
_SENTENCE_END = re.compile(r"""[。！？…]+["'”’」』)）]*\s*|[!?.]+["'”’」』)）]*\s+""")


def _sentence_ends(line: str) -> list[int]:
    """Offsets inside ``line`` where a sentence ends and another may begin."""
    return [m.end() for m in _SENTENCE_END.finditer(line) if 0 < m.end() < len(line)]


def _alternating_sentences(line: str) -> list[str] | None:
    """A line of sentences that go Chinese, English, Chinese, English ... (or
    English first), two pairs or more, cut where the language changes; None
    unless every run is clean and each pair of runs has a translation's
    lengths (see :func:`_sentence_cut`). Three runs are not enough: a
    Chinese paragraph quoting one English sentence stays whole."""
    cuts = [0, *_sentence_ends(line), len(line)]
    if len(cuts) < 5:  # four runs need three cuts inside the line
        return None
    grouped: list[tuple[str, list[str]]] = []
    for start, end in zip(cuts, cuts[1:]):
        piece = line[start:end].strip()
        lang = classify(piece)
        if lang == "other":
            return None
        if grouped and grouped[-1][0] == lang:
            grouped[-1][1].append(piece)
        else:
            grouped.append((lang, [piece]))
    if len(grouped) < 4:
        return None
    runs = [(lang, (" " if lang == "en" else "").join(pieces)) for lang, pieces in grouped]
    for k in range(0, len(runs) - 1, 2):
        pair = dict(runs[k : k + 2])
        if len(pair) != 2 or not _is_translation_pair(pair["zh"], pair["en"]):
            return None
    if len(runs) % 2 and not _is_clean(runs[-1][0], runs[-1][1]):
        return None
    return [text for _, text in runs]


def _is_clean(lang: str, text: str) -> bool:
    """Clearly of one script: Chinese with no more Latin letters than Han
    characters, or English whose Han characters are worth at most a fifth of its letters."""
    han, latin, _ = _script_counts(text)
    return _clean(lang, han, latin)


def _clean(lang: str, han: int, latin: int) -> bool:
    return latin <= han if lang == "zh" else han * LATIN_PER_HAN <= 0.2 * latin


def _is_translation_pair(zh: str, en: str) -> bool:
    """Both clean, of some length (4 Han characters, 3 English words) and of
    a translation's lengths (1-10 English letters per Han character). When
    neither side holds a letter of the other's script (``好的。 OK.``,
    ``你好吗？ How are you?``), a short pair will do: one Han character and
    one word, 0.5-12 letters per Han character."""
    return _pair_fits(_script_counts(zh), _script_counts(en))


def _pair_fits(zh: tuple[int, int, int], en: tuple[int, int, int]) -> bool:
    """:func:`_is_translation_pair` on (Han, Latin letters, English words) counts."""
    if zh[1] == 0 and en[0] == 0:
        return zh[0] >= 1 and en[2] >= 1 and 0.5 <= en[1] / zh[0] <= 12.0
    if zh[0] < 4 or en[2] < 3 or not 1.0 <= en[1] / zh[0] <= 10.0:
        return False
    return _clean("zh", zh[0], zh[1]) and _clean("en", en[0], en[1])


def _script_counts(text: str) -> tuple[int, int, int]:
    """Han characters, Latin letters (full-width ones too) and ASCII words of ``text``."""
    return len(_HAN.findall(text)), len(_LATIN.findall(fold_width(text))), len(_ASCII_WORD.findall(text))


def _running_counts(line: str) -> tuple[list[int], list[int], list[int]]:
    """Han characters, Latin letters and ASCII words in ``line[:k]``, for every ``k``
    (what :func:`_script_counts` counts, found by the same patterns)."""
    import numpy as np

    def running(pattern: re.Pattern[str], text: str) -> list[int]:
        marks = np.zeros(len(text) + 1, dtype=np.int64)
        marks[[m.start() + 1 for m in pattern.finditer(text)]] = 1
        return np.cumsum(marks).tolist()

    return running(_HAN, line), running(_LATIN, fold_width(line)), running(_ASCII_WORD, line)


def _sentence_cut(line: str) -> list[str]:
    """A line cut in two where, at a sentence end, Chinese gives way to
    English or English to Chinese (``中文。 English.``, ``English. 中文。``).

    Of the sentence ends where one side is clearly Chinese (no more Latin
    letters than Han characters) and the other clearly English (Han
    characters worth at most a fifth of its letters), the cut leaving the
    least of each script on the other's side. Both parts need some length
    (4 Han characters, 3 English words) and the lengths of a translation
    (1-10 English letters per Han character), so a Chinese sentence that
    quotes a short English phrase stays whole. Linear in the line's length:
    the parts are measured from running counts.
    """
    cuts = _sentence_ends(line)
    if not cuts or not (_HAN.search(line) and _LATIN.search(line)):
        return [line]
    han, latin, words = _running_counts(line)

    def counts(start: int, end: int) -> tuple[int, int, int]:
        return han[end] - han[start], latin[end] - latin[start], words[end] - words[start]

    best: tuple[float, int] | None = None
    for cut in cuts:
        left, right = counts(0, cut), counts(cut, len(line))
        first, second = _lang_from(*left[:2]), _lang_from(*right[:2])
        if {first, second} != {"zh", "en"}:
            continue
        zh, en = (left, right) if first == "zh" else (right, left)
        if not _pair_fits(zh, en):
            continue
        misplaced = zh[1] + LATIN_PER_HAN * en[0]
        if best is None or misplaced < best[0]:
            best = (misplaced, cut)
    return [line[: best[1]].strip(), line[best[1] :].strip()] if best is not None else [line]


def _join_pieces(pieces: list[str]) -> str:
    return " ".join(p.strip() for p in pieces)


# --- layout and documents ------------------------------------------------


def detect_layout(langs: Iterable[str], blocks_adjacent: bool = False) -> str:
    """Name the arrangement of a sequence of ``zh``/``en`` block labels."""
    runs: list[tuple[str, int]] = []
    for lang in langs:
        if runs and runs[-1][0] == lang:
            runs[-1] = (lang, runs[-1][1] + 1)
        else:
            runs.append((lang, 1))
    if not runs:
        return "empty"
    if len(runs) == 1:
        return f"{runs[0][0]}-only"
    if len(runs) == 2:
        return f"{runs[0][0]}-then-{runs[1][0]}"
    if all(count == 1 for _, count in runs):
        return "alternating-lines" if blocks_adjacent else "alternating"
    if max(count for _, count in runs) <= 3:
        return "alternating"
    return "mixed"


def load_text(text: str, source: str | None = None, encoding: str = "utf-8") -> Document:
    """Split a mixed Chinese/English text into two paragraph streams.

    Raises :class:`InputError` when either language is missing.
    """
    name = source or "input"
    blocks, headers = _blocks_and_headers(text)
    labelled: list[tuple[Block, BlockLang]] = [(b, classify(b.text)) for b in blocks]
    # the last translated text: what would not be furniture even at the end
    last_text = max((k for k, (b, lang) in enumerate(labelled) if lang != "other" and boilerplate_reason(b.text, True) is None), default=-1)
    zh: list[Paragraph] = []
    en: list[Paragraph] = []
    set_aside: list[SetAside] = list(headers)
    langs: list[str] = []
    for k, (block, lang) in enumerate(labelled):
        reason = boilerplate_reason(block.text, at_end=k > last_text)
        if reason is None and lang == "other":
            reason = "neither Chinese nor English"
        if reason is not None:
            set_aside.append(SetAside(text=block.text, lines=block.lines, reason=reason))
            continue
        if lang == "zh":
            zh.append(_paragraph(block, "zh"))
        else:
            en.append(_paragraph(block, "en"))
        langs.append(lang)
    if not zh and not en:
        raise InputError(f"{name}: no Chinese or English text found")
    if not zh:
        raise InputError(f"{name}: contains only English text; nothing to align")
    if not en:
        raise InputError(f"{name}: contains only Chinese text; nothing to align")
    adjacent = all(b.lines[1] - b.lines[0] == 1 for b, _ in labelled) and _no_blank_lines_between(text)
    set_aside.sort(key=lambda s: s.lines)
    return Document(zh=zh, en=en, set_aside=set_aside, layout=detect_layout(langs, adjacent), encoding=encoding, source=source)


def _blocks_and_headers(text: str) -> tuple[list[Block], list[SetAside]]:
    """The blocks of a raw text (markup undone, cleaned), read past its
    running page headers, and those headers, set aside."""
    lines = clean_text(strip_markup(text)).split("\n")
    headers = running_headers(lines)
    aside = [SetAside(text=lines[k].strip(), lines=(k, k + 1), reason="running header") for k in sorted(headers) if lines[k].strip()]
    return _blocks_of_lines(lines, headers), aside


def _no_blank_lines_between(text: str) -> bool:
    return "\n\n" not in text.strip("\n")


def _single_language(text: str, lang: Literal["zh", "en"], name: str) -> tuple[list[Paragraph], list[SetAside]]:
    """Paragraphs of a one-language text (boilerplate set aside)."""
    paragraphs: list[Paragraph] = []
    blocks, set_aside = _blocks_and_headers(text)
    for block in blocks:
        reason = boilerplate_reason(block.text)
        if reason is not None:
            set_aside.append(SetAside(text=block.text, lines=block.lines, reason=reason))
            continue
        paragraphs.append(_paragraph(block, lang))
    if not paragraphs:
        raise InputError(f"{name}: no text to align")
    check_language(" ".join(p.text for p in paragraphs), lang, name)
    return paragraphs, set_aside


def check_sides(zh_text: str, en_text: str, name: str) -> None:
    """Raise :class:`InputError` when pre-split sides are plainly wrong: the
    Chinese side holds no Han character, or the two look swapped (a side of
    sentences is taken as given otherwise, however much Latin a line holds)."""
    if classify.__wrapped__(zh_text) == "en" and classify.__wrapped__(en_text) == "zh":
        raise InputError(f"{name}: the Chinese side looks English and the English side Chinese (swapped?)")
    if not _HAN.search(zh_text):
        raise InputError(f"{name}: the Chinese side holds no Chinese text")


def check_language(text: str, lang: Literal["zh", "en"], name: str) -> None:
    """Raise :class:`InputError` unless ``text`` (a whole single-language
    side) is mostly in ``lang``: a Chinese file given as the English one."""
    found = classify.__wrapped__(text)  # a whole file: not worth a cache entry
    if found != lang:
        wanted = "Chinese" if lang == "zh" else "English"
        raise InputError(f"{name}: expected {wanted} text, found {'no' if found == 'other' else 'mostly the other language'}")


def load_pair_text(zh_text: str, en_text: str, zh_name: str = "zh", en_name: str = "en") -> Document:
    """Two single-language texts as one :class:`Document` (layout ``two-files``)."""
    zh, zh_aside = _single_language(zh_text, "zh", zh_name)
    en, en_aside = _single_language(en_text, "en", en_name)
    return Document(zh=zh, en=en, set_aside=zh_aside + en_aside, layout="two-files", source=f"{zh_name} + {en_name}")


def read_bytes(path: str | Path) -> bytes:
    """The bytes of ``path``, with a one-line :class:`InputError` for the usual failures."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_text(path: str | Path, encoding: str | None = None, errors: str = "strict") -> str:
    """Decoded text of ``path`` (LF line ends, no BOM)."""
    return decode(read_bytes(path), encoding=encoding, errors=errors, name=str(path))[0]


def load_file(path: str | Path, encoding: str | None = None, errors: str = "strict") -> Document:
    """Read, decode and load one mixed Chinese/English file."""
    text, used = decode(read_bytes(path), encoding=encoding, errors=errors, name=str(path))
    return load_text(text, source=str(path), encoding=used)


def load_pair(zh_path: str | Path, en_path: str | Path, encoding: str | None = None, errors: str = "strict") -> Document:
    """Read a Chinese-only and an English-only file as one document."""
    zh_text = read_text(zh_path, encoding=encoding, errors=errors)
    en_text = read_text(en_path, encoding=encoding, errors=errors)
    return load_pair_text(zh_text, en_text, str(zh_path), str(en_path))
