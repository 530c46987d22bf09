"""Sentence splitting, Chinese and English."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.model import Document, Paragraph
from aligner.sentences import split_document, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市图书馆将延长开放时间。周一至周五开放！你来吗？", ["市图书馆将延长开放时间。", "周一至周五开放！", "你来吗？"]),
        ("他说：“我们走吧。”大家都笑了。", ["他说：“我们走吧。”", "大家都笑了。"]),
        ("“我们走吧。”他说。", ["“我们走吧。”他说。"]),
        ("增长了3.5%，详见www.gov.cn。下一句。", ["增长了3.5%，详见www.gov.cn。", "下一句。"]),
        ("第一部分；第二部分。", ["第一部分；第二部分。"]),
        ("他想了想……还是走了。", ["他想了想……", "还是走了。"]),
        ("他想了想……，还是走了。", ["他想了想……，还是走了。"]),
        ("半角标点也行!真的?是的。", ["半角标点也行!", "真的?", "是的。"]),
        ("《联合国气候变化框架公约》（UNFCCC）生效。没有结尾标点", ["《联合国气候变化框架公约》（UNFCCC）生效。", "没有结尾标点"]),
        ("今天天气很好.我们去公园散步.", ["今天天气很好.", "我们去公园散步."]),  # half-width full stops
        ("增长了3.5%.详见www.gov.cn.第3.5节", ["增长了3.5%.", "详见www.gov.cn.第3.5节"]),
    ],
)
def test_split_zh(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They appreciated the participation by China Ambassador to the U.S and the U.S. Ambassador to China. They left.",
            ["They appreciated the participation by China Ambassador to the U.S and the U.S. Ambassador to China.", "They left."],
        ),
        ("Mr. Smith met Dr. Brown at 9 a.m. on Jan. 5. They talked.", ["Mr. Smith met Dr. Brown at 9 a.m. on Jan. 5.", "They talked."]),
        ("John F. Kennedy and J. R. R. Tolkien never met. Sad.", ["John F. Kennedy and J. R. R. Tolkien never met.", "Sad."]),
        ("Prices rose 3.5 percent on September 4-6, 2024. Then fell.", ["Prices rose 3.5 percent on September 4-6, 2024.", "Then fell."]),
        ("See No. 5, e.g. the red one. Fine.", ["See No. 5, e.g. the red one.", "Fine."]),
        ('"Stop." He left.', ['"Stop."', "He left."]),
        ("Wait . . . what? Yes!", ["Wait . . . what?", "Yes!"]),
        ("He paused . . . Then he spoke.", ["He paused . . .", "Then he spoke."]),
        ("Readout on the Second Meeting of China-U.S. Working Group", ["Readout on the Second Meeting of China-U.S. Working Group"]),
        ("1. The weather is nice today. We went out.", ["1. The weather is nice today.", "We went out."]),  # a list marker
        ("IV. Results. We found it.", ["IV. Results.", "We found it."]),
        ("He scored 3. It was late.", ["He scored 3.", "It was late."]),  # a number ending a sentence is no marker
    ],
)
def test_split_en(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


pieces = st.sampled_from(
    ["市", "图书馆", "。", "！", "？", "…", "“", "”", "，", "；", "3.5", "U.S.", "Mr.", "word", " ", "  ", ".", "?", "!", '"', "😀", "ｅ", "e\u0301"]
)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(pieces, max_size=40), lang=st.sampled_from(["zh", "en"]))
def test_sentences_conserve_the_paragraph(parts: list[str], lang: str) -> None:
    text = "".join(parts)
    sentences = split_sentences(text, lang)  # type: ignore[arg-type]
    assert all(s and s == s.strip() for s in sentences)
    assert _squash("".join(sentences)) == _squash(text)


def test_split_document_numbers_sentences() -> None:
    doc = Document(
        zh=[Paragraph("zh", "第一句。第二句。", (0, 1)), Paragraph("zh", "第三句。", (3, 4))],
        en=[Paragraph("en", "One. Two.\nThree.", (5, 7))],
    )
    zh, en = split_document(doc)
    assert [(s.text, s.index, s.paragraph, s.line) for s in zh] == [
        ("第一句。", 0, 0, 0),
        ("第二句。", 1, 0, 0),
        ("第三句。", 2, 1, 3),
    ]
    assert [(s.text, s.index, s.paragraph, s.line) for s in en] == [("One.", 0, 0, 5), ("Two.", 1, 0, 5), ("Three.", 2, 0, 6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Did you say \'yes\'?" he asked. She nodded.', ['"Did you say \'yes\'?" he asked.', "She nodded."]),
        ("“Where are you going?” she asked him quietly.", ["“Where are you going?” she asked him quietly."]),
        ("What is this? iPhone sales rose 5%.", ["What is this?", "iPhone sales rose 5%."]),  # a brand, not a lower-case word
        ("He left. a. The first item.", ["He left.", "a. The first item."]),  # a list marker
        # a footnote mark stays with the sentence it follows
        ("Revenue rose 12.3% year on year.¹ Net profit was flat.", ["Revenue rose 12.3% year on year.¹", "Net profit was flat."]),
        ("Revenue rose.[1] Net profit was flat.", ["Revenue rose.[1]", "Net profit was flat."]),
        ("See note [1] for details. It is short.", ["See note [1] for details.", "It is short."]),
        ("Revenue grew.[12][13] Net fell.", ["Revenue grew.[12][13]", "Net fell."]),
        ("It grew.† Costs fell.", ["It grew.†", "Costs fell."]),
        ("Acme Robotics Inc. (NASDAQ: ACME), a maker of arms, grew.", ["Acme Robotics Inc. (NASDAQ: ACME), a maker of arms, grew."]),
        ("It was late. (See note 3.) The rest followed.", ["It was late.", "(See note 3.)", "The rest followed."]),
    ],
)
def test_english_sentence_ends(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "en") == expected


def test_leader_dots_of_a_contents_line_do_not_end_a_chinese_sentence() -> None:
    assert split_sentences("第一章 绪论 ........ 1", "zh") == ["第一章 绪论 ........ 1"]
    assert split_sentences("他沉默了......我们走吧。", "zh") == ["他沉默了......", "我们走吧。"]


def test_a_footnote_mark_after_a_chinese_sentence_stays_with_it() -> None:
    assert split_sentences("营业收入增长。¹净利润下降。", "zh") == ["营业收入增长。¹", "净利润下降。"]
    assert split_sentences("营业收入增长。[1]净利润下降。", "zh") == ["营业收入增长。[1]", "净利润下降。"]
