"""Loader: blocks, classification, boilerplate, layouts, line numbers."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.loader import boilerplate_reason, classify, load_file, load_pair, load_text, split_blocks
from aligner.sentences import split_document
from conftest import EN_PARAGRAPHS, ZH_PARAGRAPHS, shared


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("雙方繼續就解決氣候危機進行討論,包括實施各自2030年國家自主貢獻(NDC)和COP29。", "zh"),
        ("Special Envoy Liu Zhenmin (刘振民) attended the meeting in Beijing.", "en"),
        ("他在GitHub上发布了TensorFlow和PyTorch的benchmark结果。", "zh"),  # Chinese punctuation and grammar
        ("The slogan 为人民服务 means Serve the People.", "en"),
        ("乙方：Bluewave Analytics Ltd.", "zh"),  # a Chinese label opens the line
        ("型号: ThinkPad X1 Carbon Gen 11", "zh"),
        ("原文：The committee approved the annual budget.", "en"),  # a label before an English sentence
        ("邮箱：wang@example.com", "zh"),
        ("李明：Good morning, everyone.", "en"),
        ("2024-09-06 12:00", "other"),
        ("?", "other"),
    ],
)
def test_classify(text: str, lang: str) -> None:
    assert classify(text) == lang


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("供稿 | 生態環境部應對氣候變化司", "credit"),
        ("责任编辑：张三", "credit"),
        ("来源：新华社", "credit"),
        ("Editor: Jane Smith", "credit"),
        ("版權聲明: 1.依據《服務條款》,本網頁發布的原創作品,版權歸發布者所有。", "copyright notice"),
        ("Copyright © 2024 Example News. All rights reserved.", "copyright notice"),
        ("我也說兩句 |", "prompt"),
        ("发表评论", "prompt"),
        ("Share this:", "prompt"),
        ("?", "no text"),
        ("？", "no text"),
        ("-----", "no text"),
        ("=====", "no text"),
        ("首页 | 新闻 | 国际 | 联系我们", "menu"),
        ("Home > News > World", "menu"),
        ("首页 | 新闻 | 财经 | 体育 | English", "menu"),
        ("www.example.com", "link"),
        ("Powered by WordPress", "prompt"),
        ("Comments (3)", "prompt"),
        ("Page 2", "pager"),
        ("Page 2 of 5", "pager"),
        ("第 1 页 共 3 页", "pager"),
        ("上一页 1 2 3 下一页", "pager"),
        ("« Prev 1 2 3 Next »", "pager"),
    ],
)
def test_boilerplate_is_recognised(text: str, reason: str) -> None:
    assert boilerplate_reason(text) == reason


@pytest.mark.parametrize("text", ["Terms of Use | Privacy Policy", "隐私政策", "About Us", "联系我们"])
def test_footer_links_are_furniture_only_after_the_text(text: str) -> None:
    assert boilerplate_reason(text, at_end=True) == "footer link"
    assert boilerplate_reason(text) is None  # a privacy policy's own title, an "About us" heading


def test_an_english_footer_under_a_chinese_article_is_not_aligned() -> None:
    text = "\n".join([*ZH_PARAGRAPHS, "Home | News | World | Contact Us", "Terms of Use | Privacy Policy", "Powered by WordPress"])
    with pytest.raises(InputError, match="only Chinese"):
        load_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The court ruled that the copyright in the photographs belonged to the agency.",
        "法院认定，该照片的版权归通讯社所有，被告应赔偿损失。",
        "Source code and data are released with the report, which the ministry published in May.",
        "我们的来源包括政府公报、统计年鉴和实地调查。",
        "Share prices rose by 3% on Monday after the announcement.",
        "Next, the minister spoke.",
        "Home is where the heart is, she said.",
        "The next page of history is being written.",
        "第三页的内容很重要。",
        "Page one of the report sets out the goals.",
    ],
)
def test_real_sentences_are_not_boilerplate(text: str) -> None:
    assert boilerplate_reason(text) is None


def test_a_menu_with_an_english_item_is_not_cut_into_a_pair() -> None:
    text = "首页 | 新闻 | 财经 | 体育 | English\n" + "\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS)
    doc = load_text(text)
    _check_streams(doc)
    assert [(s.reason, s.lines) for s in doc.set_aside] == [("menu", (0, 1))]


def _check_streams(doc, n_zh: int = 4, n_en: int = 4) -> None:  # type: ignore[no-untyped-def]
    assert [p.text for p in doc.zh] == ZH_PARAGRAPHS[:n_zh]
    assert [p.text for p in doc.en] == EN_PARAGRAPHS[:n_en]


def test_zh_then_en(zh_then_en: str) -> None:
    doc = load_text(zh_then_en)
    _check_streams(doc)
    assert doc.layout == "zh-then-en"
    assert [p.lines for p in doc.zh] == [(0, 1), (1, 2), (2, 3), (3, 4)]
    assert [p.lines for p in doc.en] == [(4, 5), (5, 6), (6, 7), (7, 8)]


def test_en_then_zh(en_then_zh: str) -> None:
    doc = load_text(en_then_zh)
    _check_streams(doc)
    assert doc.layout == "en-then-zh"
    assert doc.en[1].lines == (2, 3)  # blank lines between paragraphs count


def test_alternating_paragraphs(alternating: str) -> None:
    doc = load_text(alternating)
    _check_streams(doc)
    assert doc.layout == "alternating"


def test_alternating_lines() -> None:
    text = "\n".join(p for pair in zip(ZH_PARAGRAPHS, EN_PARAGRAPHS) for p in pair)
    doc = load_text(text)
    _check_streams(doc)
    assert doc.layout == "alternating-lines"


def test_a_heading_in_both_languages_split_by_a_slash() -> None:
    doc = load_text("第一章 总则 / Chapter 1 General Provisions\n\n" + ZH_PARAGRAPHS[0] + "\n\n" + EN_PARAGRAPHS[0])
    assert [p.text for p in doc.zh] == ["第一章 总则", ZH_PARAGRAPHS[0]]
    assert [p.text for p in doc.en] == ["Chapter 1 General Provisions", EN_PARAGRAPHS[0]]
    assert [b.text for b in split_blocks("Terms and / or conditions apply here.")] == ["Terms and / or conditions apply here."]


def test_a_menu_table_with_a_price_column_and_short_names() -> None:
    text = "宫保鸡丁\tKung Pao Chicken\t38元\n鱼香肉丝\tFish-Flavoured Shredded Pork\t32元\n酸辣汤  Hot and Sour Soup\n"
    doc = load_text(text)
    assert [p.text for p in doc.zh] == ["宫保鸡丁", "鱼香肉丝", "酸辣汤"]
    assert [p.text for p in doc.en] == ["Kung Pao Chicken 38元", "Fish-Flavoured Shredded Pork 32元", "Hot and Sour Soup"]


def test_side_by_side_pairs_on_one_line() -> None:
    text = "\n".join(f"{zh}\t{en}" for zh, en in zip(ZH_PARAGRAPHS, EN_PARAGRAPHS))
    doc = load_text(text)
    _check_streams(doc)
    assert [p.lines for p in doc.zh] == [p.lines for p in doc.en]


@pytest.mark.parametrize("joiner", [" ", ""])
@pytest.mark.parametrize("en_first", [False, True])
def test_pair_on_one_line_cut_at_the_sentence_end(joiner: str, en_first: bool) -> None:
    pairs = [
        ("2024年，中国经济增长5.2%。", "In 2024, China's economy grew by 5.2%."),
        ("美国总统拜登访问了北京。他说：“你好吗？”", 'U.S. President Biden visited Beijing. He said, "How are you?"'),
    ]
    text = "\n".join((en + " " + zh) if en_first else (zh + joiner + en) for zh, en in pairs)
    doc = load_text(text)
    assert [p.text for p in doc.zh] == [zh for zh, _ in pairs]
    assert [p.text for p in doc.en] == [en for _, en in pairs]
    assert [p.lines for p in doc.zh] == [p.lines for p in doc.en] == [(0, 1), (1, 2)]


@pytest.mark.parametrize("en_first", [False, True])
def test_sentence_pairs_alternating_on_one_line(en_first: bool) -> None:
    pairs = [
        ("今天天气很好，我们去散步。", "The weather is nice, let us walk."),
        ("他问我好不好，我说很好。", "He asked how I was; I said fine."),
        ("美国总统拜登访问了北京。", "U.S. President Biden visited Beijing."),
    ]
    line = " ".join(f"{en} {zh}" if en_first else f"{zh} {en}" for zh, en in pairs)
    doc = load_text(line)
    assert [p.text for p in doc.zh] == [zh for zh, _ in pairs]
    assert [p.text for p in doc.en] == [en for _, en in pairs]


@pytest.mark.parametrize("en_first", [False, True])
def test_short_subtitle_pairs_on_one_line_are_cut(en_first: bool) -> None:
    # each side free of the other's script, so short pairs are taken too
    pairs = [("你好吗？", "How are you?"), ("我很好，谢谢。", "I am fine, thanks."), ("等一下！", "Wait!"), ("好的。", "OK.")]
    text = "\n".join(f"{en} {zh}" if en_first else f"{zh} {en}" for zh, en in pairs)
    doc = load_text(text)
    assert [p.text for p in doc.zh] == [zh for zh, _ in pairs]
    assert [p.text for p in doc.en] == [en for _, en in pairs]
    # and inside a line of alternating sentences, a short pair no longer spoils the rest
    line = " ".join(f"{zh} {en}" for zh, en in [*pairs[:1], ("总理作了政府工作报告。", "The premier delivered the report."), *pairs[3:]])
    doc = load_text(line)
    assert [p.text for p in doc.zh] == ["你好吗？", "总理作了政府工作报告。", "好的。"]


def test_a_whole_document_on_one_line_is_cut_once() -> None:
    # Thousands of sentence ends: each cut is measured from running counts
    # (measuring each part afresh took minutes on a 180,000-character line).
    zh, en = "今天天气很好，我们去公园散步。" * 2000, "The weather is nice, so we walk in the park. " * 2000
    doc = load_text(zh + " " + en.strip())
    assert [p.text for p in doc.zh] == [zh] and [p.text for p in doc.en] == [en.strip()]


@pytest.mark.parametrize(
    "line",
    [
        "他读了这句话。 To be or not to be, that is the question. 然后他哭了起来。",  # one English quotation
        "他说：“I love you.”然后走了。",  # a Chinese sentence quoting English
        "He wrote 你好 in the note. 后来他走了很远的路。",  # the English part holds Chinese
        "雙方繼續就解決氣候危機進行討論,包括實施各自2030年國家自主貢獻(NDC)和COP29。",
        "Special Envoy Liu Zhenmin (刘振民) attended the meeting in Beijing.",
    ],
)
def test_line_that_is_not_a_pair_stays_whole(line: str) -> None:
    assert [b.text for b in split_blocks(line)] == [line]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    en = EN_PARAGRAPHS[1]
    cut = en.index(" a study")
    wrapped_en = en[:cut] + "\n" + en[cut + 1 :]
    assert wrapped_en.split("\n")[1][0].islower()
    zh = "第一段的中文内容很长，这里是被硬换行切开的第一行文字内容" + "\n" + "这是同一段落的第二行。"
    text = zh + "\n\n" + ZH_PARAGRAPHS[1] + "\n\n" + wrapped_en + "\n\n" + EN_PARAGRAPHS[2]
    doc = load_text(text)
    assert [p.text for p in doc.en] == [en, EN_PARAGRAPHS[2]]
    assert doc.en[0].lines == (5, 7)
    assert doc.zh[0].text == zh.replace("\n", "")
    assert doc.zh[0].lines == (0, 2)


def test_running_page_headers_are_set_aside_and_read_past() -> None:
    zh = [
        "二〇二三年年度报告  12", "董事长致辞", "二〇二三年，公司坚持稳中求进的工作总基调，加大在人工智能和新能源领域的",
        "二〇二三年年度报告  13", "投入。全年营业收入同比增长百分之十二。", "公司研发人员达到一千二百五十人。",
        "二〇二三年年度报告  14",
    ]
    en = [
        "Annual Report 2023   12", "Chairman's Statement",
        "In 2023 the Company pursued steady progress and increased investment in artificial intelligence and",
        "", "Annual Report 2023   13", "",  # a header between blank lines, as pdftotext writes it
        "new energy. Annual revenue rose by 12 per cent year on year.", "The Company's R&D staff reached 1,250.",
        "Annual Report 2023   14",
    ]
    doc = load_text("\n".join(zh) + "\n\n" + "\n".join(en))
    assert [p.text for p in doc.zh] == ["董事长致辞", zh[2] + zh[4], zh[5]]  # the sentence cut by the page break is whole
    assert [p.text for p in doc.en] == ["Chairman's Statement", en[2] + " " + en[6], en[7]]
    assert [s.lines[0] for s in doc.set_aside if s.reason == "running header"] == [0, 3, 6, 8, 12, 16]
    zh_sentences, en_sentences = split_document(doc)
    assert [s.line for s in zh_sentences] == [1, 2, 4, 5] and [s.line for s in en_sentences] == [9, 10, 14, 15]


@pytest.mark.parametrize(
    "text",
    [
        # numbered headings after finished sentences, not page breaks
        "\n".join(f"案例分析 {k}\n某公司通过降低成本提高了利润。\nCase Study {k}\nA company raised its profits by cutting costs." for k in (1, 2, 3)),
        "\n".join(f"约翰福音 {k}\n太初有道。\n\nGospel of John {k}\nIn the beginning was the Word." for k in (1, 2, 3)),
        "\n".join(f"第{k}条\n本条款的第{k}项内容。\nArticle {k}\nThis is item {k} of the terms." for k in (1, 2, 3, 4)),
        # after list items and dialogue that end without a full stop
        "\n".join(f"课堂练习 {k}\n（1）虽然但是\n（2）不但而且\n\nPractice Exercise {k}\n(1) although but\n(2) not only but also" for k in (1, 2, 3)),
        "\n".join(f"Act One Scene {k}\nTom: You're finally here!\nAnna: Sorry, the traffic was —" for k in (1, 2, 3))
        + "\n\n" + "\n".join(f"第一幕 第{k}场\n汤姆：你终于来了！\n安娜：对不起，路上堵车——" for k in (1, 2, 3)),
    ],
)
def test_numbered_headings_are_not_running_headers(text: str) -> None:
    doc = load_text(text)
    assert not [s for s in doc.set_aside if s.reason == "running header"]


def test_two_columns_wrapped_side_by_side_are_joined_per_column() -> None:
    # as pdftotext -layout writes a bilingual two-column page
    lines = [
        "公司主要从事工业机器人的研发、生产           The Company is mainly engaged in the research,",
        "和销售，产品远销40多个国家和地区。           development, production and sale of industrial robots,",
        "                                             which are exported to more than 40 countries and regions.",
    ]
    doc = load_text("\n".join(lines))
    assert [p.text for p in doc.zh] == ["公司主要从事工业机器人的研发、生产和销售，产品远销40多个国家和地区。"]
    assert [p.text for p in doc.en] == [
        "The Company is mainly engaged in the research, development, production and sale of industrial robots, "
        "which are exported to more than 40 countries and regions."
    ]


def test_a_word_hyphenated_at_a_wrap_is_joined_whole() -> None:
    lines = [
        "We remained committed to our innovation-driven develop-",
        "ment strategy and to high-quality growth; the well-",
        "known plan is a year-",
        "on-year success.",
    ]
    [block] = split_blocks("\n".join(lines))
    assert block.text == (
        "We remained committed to our innovation-driven development strategy and to "
        "high-quality growth; the well-known plan is a year-on-year success."
    )
    assert [(block.text[b:].split()[0], line) for b, line in block.breaks] == [("ment", 1), ("known", 2), ("on-year", 3)]


def test_compounds_broken_at_their_hyphen_keep_it() -> None:
    lines = ["We sent an e-", "mail about COVID-", "19 and the Wi-", "Fi on pages 10-", "12 of the plan."]
    assert [b.text for b in split_blocks("\n".join(lines))] == ["We sent an e-mail about COVID-19 and the Wi-Fi on pages 10-12 of the plan."]


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        # Chinese prose wrapped narrow, as on a phone screen
        (["随着城市化进程的不断加快", "，越来越多的年轻人选择离", "开家乡，到大城市寻找工作", "机会。"], "随着城市化进程的不断加快，越来越多的年轻人选择离开家乡，到大城市寻找工作机会。"),
        # a wrapped line that happens to start with a word and a colon
        (["当被问及前景时，发言人表示中方愿意加强", "沟通。他还补充说，双方应当相互尊重", "原则：平等互利、合作共赢。"], "当被问及前景时，发言人表示中方愿意加强沟通。他还补充说，双方应当相互尊重原则：平等互利、合作共赢。"),
        # an English line that starts with a title and a colon
        (
            ["The historian became famous around the world for his best-selling", "Sapiens: A Brief History of Humankind, first published in 2011."],
            "The historian became famous around the world for his best-selling Sapiens: A Brief History of Humankind, first published in 2011.",
        ),
        # a dash used as punctuation at a line's start
        (
            ["After long talks the members finally reached agreement", "- the budget will be submitted to parliament next month."],
            "After long talks the members finally reached agreement - the budget will be submitted to parliament next month.",
        ),
    ],
)
def test_wrapped_prose_is_joined(lines: list[str], joined: str) -> None:
    assert [b.text for b in split_blocks("\n".join(lines))] == [joined]


def test_a_row_number_goes_with_the_first_cell() -> None:
    doc = load_text("1\t苹果\tApple\n2\t香蕉\tBanana\n3\t西瓜\tWatermelon")
    assert [p.text for p in doc.zh] == ["1 苹果", "2 香蕉", "3 西瓜"]
    assert [p.text for p in doc.en] == ["Apple", "Banana", "Watermelon"]


def test_a_label_and_a_model_code_are_one_cell() -> None:
    assert [b.text for b in split_blocks("型号  XR-200")] == ["型号  XR-200"]
    assert [b.text for b in split_blocks("酸辣汤  Hot and Sour Soup")] == ["酸辣汤", "Hot and Sour Soup"]


@pytest.mark.parametrize(
    "lines",
    [
        ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"],  # verse
        ["身份证原件及复印件", "近期免冠照片两张", "户口本原件及复印件"],  # a list
        ["处理器：英特尔酷睿处理器", "型号：ThinkPad X1 Carbon", "屏幕：十四英寸高清显示屏"],  # a spec sheet
        ["• 负责公司年度预算编制与执行情况的分析和报告", "• 审核各部门费用报销并编制月度和年度财务报表"],  # bullets
        ["第一章 绪论和研究背景以及本书的主要内容 ........ 1", "第二章 研究方法和数据来源以及分析框架 ........ 13"],  # contents
        ["Address: No. 1 Zhongguancun Street, Haidian District, Beijing", "Tel: 010-12345678", "Postcode: 100080"],
    ],
)
def test_short_or_itemised_lines_are_not_taken_for_wrapped_ones(lines: list[str]) -> None:
    assert [b.text for b in split_blocks("\n".join(lines))] == lines


def test_wrap_before_a_capitalised_word_is_joined() -> None:
    lines = [
        "In recent years, the government has taken a series of measures with",
        "China's partners to address climate change, and it has achieved",
        "remarkable results, the minister said in Beijing on Monday.",
    ]
    assert [b.text for b in split_blocks("\n".join(lines))] == [" ".join(lines)]


def test_wrapped_chinese_then_wrapped_english_without_a_blank_line() -> None:
    # each language runs to its own width (30 characters, 70), in one chunk
    zh = "北京时间3月5日上午，第十四届全国人民代表大会第二次会议在人民大会堂开幕。报告提出，城镇新增就业1200万人以上。"
    en = (
        "The second session of the 14th National People's Congress opened at the Great Hall of the People "
        "on the morning of March 5. The report set a target of more than 12 million new urban jobs."
    )
    lines = [zh[i : i + 30] for i in range(0, len(zh), 30)] + textwrap.wrap(en, 70)
    doc = load_text("\n".join(lines))
    assert [p.text for p in doc.zh] == [zh] and [p.text for p in doc.en] == [en]
    # each sentence knows the source line it starts on, inside the joined paragraph
    zh_sentences, en_sentences = split_document(doc)
    assert all(s.text[:4] in lines[s.line] for s in zh_sentences + en_sentences)
    assert [s.line for s in zh_sentences] == [0, 1]  # the second sentence begins on the second line
    assert [s.line for s in en_sentences] == [2, 3]


def test_wrapped_chinese_with_half_width_digits_is_measured_in_columns() -> None:
    # 22 characters (44 columns) before a line of 31 characters that is only 37 columns wide
    lines = ["报告期内公司实现的营业收入总额和净利润分别为", "12,345,678.90元和9,876,543.21元，比上", "年增长12.3%。"]
    doc = load_text("\n".join(lines) + "\n\n" + EN_PARAGRAPHS[0])
    assert [p.text for p in doc.zh] == ["".join(lines)]


def test_a_wrapped_line_after_converter_pinyin_keeps_its_line_number() -> None:
    lines = ["这是被硬换行切开的第一行文字内容，后面还有生態(tài)環(huán)境部的名字", "在这里。第二句在第二行开始。"]
    doc = load_text("\n\n".join(["\n".join(lines), EN_PARAGRAPHS[0]]))
    zh_sentences, _ = split_document(doc)
    assert [s.text for s in zh_sentences] == ["这是被硬换行切开的第一行文字内容，后面还有生態環境部的名字在这里。", "第二句在第二行开始。"]
    assert [s.line for s in zh_sentences] == [0, 1]


def test_short_unpunctuated_lines_stay_apart() -> None:
    lines = ["Where are you going tonight with all of them", "I love you more than I can ever say", "What did you say"]
    assert [b.text for b in split_blocks("\n".join(lines))] == lines


def test_title_is_not_joined_with_its_paragraph() -> None:
    text = "Library Extends Opening Hours\n" + EN_PARAGRAPHS[0] + "\n" + ZH_PARAGRAPHS[0]
    doc = load_text(text)
    assert [p.text for p in doc.en] == ["Library Extends Opening Hours", EN_PARAGRAPHS[0]]


def test_boilerplate_is_set_aside_and_kept_visible(zh_then_en: str) -> None:
    page = "首页 | 新闻 | 公告\n" + zh_then_en + "供稿 | 市文化局\n?\n发表评论\nCopyright © 2025 City Library. All rights reserved.\n"
    doc = load_text(page)
    _check_streams(doc)
    assert [(s.reason, s.lines) for s in doc.set_aside] == [
        ("menu", (0, 1)),
        ("credit", (9, 10)),
        ("no text", (10, 11)),
        ("prompt", (11, 12)),
        ("copyright notice", (12, 13)),
    ]


def test_pinyin_artifacts_removed_from_chinese_only() -> None:
    text = "美國總統(tǒng)國際氣候政策高級顧問出席(NDC)。\nThe adviser (tǒng) attended."
    doc = load_text(text)
    assert doc.zh[0].text == "美國總統國際氣候政策高級顧問出席(NDC)。"
    assert doc.en[0].text == "The adviser (tǒng) attended."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("\n".join(ZH_PARAGRAPHS), "only Chinese"),
        ("\n".join(EN_PARAGRAPHS), "only English"),
        ("?\n-----\n", "no Chinese or English"),
    ],
)
def test_one_language_is_an_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_text(text, source="doc.txt")


def test_load_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_file(tmp_path)


def test_load_pair(tmp_path: Path) -> None:
    (tmp_path / "a.zh").write_text("\n".join(ZH_PARAGRAPHS), encoding="gb18030")
    (tmp_path / "a.en").write_text("\n\n".join(EN_PARAGRAPHS) + "\nCopyright © 2025 City Library.\n", encoding="utf-8")
    doc = load_pair(tmp_path / "a.zh", tmp_path / "a.en")
    _check_streams(doc)
    assert doc.layout == "two-files"
    assert [s.reason for s in doc.set_aside] == ["copyright notice"]
    with pytest.raises(InputError, match="expected Chinese"):
        load_pair(tmp_path / "a.en", tmp_path / "a.zh")


def test_seed_document() -> None:
    doc = load_file(shared("seed", "000_6b09ea8d1725d98c.txt"))
    assert doc.layout == "zh-then-en"
    assert (len(doc.zh), len(doc.en), len(doc.set_aside)) == (6, 7, 4)
    assert [s.lines[0] for s in doc.set_aside] == [13, 14, 15, 16]
    assert all("(" not in p.text or "NDC" in p.text or "COP29" in p.text for p in doc.zh)
