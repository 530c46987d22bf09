"""Cleaning: converter pinyin artefacts and invisible characters."""

from __future__ import annotations

import pytest

from aligner.clean import clean_text, fold_width, is_pinyin_reading, remove_pinyin_artifacts, strip_markup


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("美國總統(tǒng)國際", "美國總統國際"),
        ("循環(huán)經濟", "循環經濟"),
        ("繼續(xù)討論", "繼續討論"),
        ("協(xié)作與執(zhí)行", "協作與執行"),
        ("生態(tài)環(huán)境", "生態環境"),
        ("發(fā)展與創(chuàng)新", "發展與創新"),
        ("轉(zhuǎn)型", "轉型"),
        ("全角括號統（tǒng）計", "全角括號統計"),
        ("數字調號統(tong3)計", "數字調號統計"),
    ],
)
def test_pinyin_readings_are_removed(dirty: str, clean: str) -> None:
    assert remove_pinyin_artifacts(dirty) == clean


@pytest.mark.parametrize(
    "kept",
    [
        "國家自主貢獻(NDC)",
        "締約方大會(COP29)期間",
        "版權歸發布者(即注冊用戶)所有",
        "見上文(see above)",
        "條款(a)和(b)",
        "中國(ma)",  # toneless: could be an abbreviation, so kept
        "He said (tǒng) in English.",  # not after a Han character
    ],
)
def test_real_parentheticals_are_kept(kept: str) -> None:
    assert remove_pinyin_artifacts(kept) == kept


@pytest.mark.parametrize(("word", "expected"), [("tǒng", True), ("chuàng", True), ("zhong1", True), ("NDC", False), ("ma", False), ("COP29", False)])
def test_is_pinyin_reading(word: str, expected: bool) -> None:
    assert is_pinyin_reading(word) is expected


def test_clean_text_removes_invisible_characters_only() -> None:
    dirty = "市\u200b图书馆\x07开放。\u00a0Library\ufeff hours.  \nNext\x00 line\u2028."
    assert clean_text(dirty) == "市图书馆开放。 Library hours.\nNext line\u2028."


def test_clean_text_keeps_real_text() -> None:
    text = "“引号”，全角：标点！Tabs\tstay.\nα β γ 😀 e\u0301"
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＧＤＰ增长５．２％。", "GDP增长5.2％。"),  # the full-width percent and full stop stay
        ("ｈｅｌｌｏ，ｗｏｒｌｄ！", "hello，world！"),
        ("第．章", "第．章"),  # a point between non-digits stays
        ("普通的文字 plain", "普通的文字 plain"),
    ],
)
def test_fold_width(text: str, folded: str) -> None:
    assert fold_width(text) == folded
    assert len(fold_width(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # character references and line breaks are text in any file
        ("目标为5%左右。&nbsp;这是第二句。", "目标为5%左右。\xa0这是第二句。"),
        ("He said: &quot;We &amp; they agree.&quot; It&#39;s done.", 'He said: "We & they agree." It\'s done.'),
        ("他说：&ldquo;好。&rdquo;<br>第二行<BR/>第三行", "他说：“好。”\n第二行\n第三行"),
        # what only looks like markup stays
        ("AT&T and R&D; x < y and y > z", "AT&T and R&D; x < y and y > z"),
        ("一句提到<b>标签</b>的话。", "一句提到<b>标签</b>的话。"),
        # a page of markup: tags go, but comparisons that are not tags stay
        ("<p>若x<y且y>z，则为真。</p><p>If x &lt; y.</p><div>AT&amp;T</div>", "\n若x<y且y>z，则为真。\n\nIf x < y.\n\nAT&T\n"),
    ],
)
def test_strip_markup(text: str, expected: str) -> None:
    assert strip_markup(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("董 事 长 致 辞", "董事长致辞"),  # a PDF title spaced out character by character
        ("  第 一 章\n正文。", "  第一章\n正文。"),
        ("我 爱 你 们。", "我 爱 你 们。"),  # not a bare line of Han characters: left alone
        ("目  录", "目录"),
        ("董\u3000事\u3000长", "董事长"),  # ideographic spaces
        ("A B C D", "A B C D"),
    ],
)
def test_spaced_out_han_lines_are_closed_up(text: str, expected: str) -> None:
    assert clean_text(text) == expected
