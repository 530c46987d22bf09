"""Decoding: encodings, BOMs, line ends and clear errors."""

from __future__ import annotations

import pytest

from aligner.decode import decode
from aligner.errors import InputError, UsageError

SIMPLIFIED = "市图书馆将于2025年3月1日起延长开放时间。周一至周五开放。\nThe city library will extend its opening hours.\n"
TRADITIONAL = "雙方繼續就解決氣候危機進行討論，包括實施各自的國家自主貢獻。\nBoth sides continued their discussions.\n"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (SIMPLIFIED, "utf-8"),
        (SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED, "utf-16"),
        (SIMPLIFIED, "utf-16-le"),
        (SIMPLIFIED, "utf-16-be"),
        (SIMPLIFIED, "gb18030"),
        (SIMPLIFIED, "gbk"),
        (TRADITIONAL, "big5"),
        (TRADITIONAL, "gb18030"),
        (TRADITIONAL, "utf-8"),
    ],
)
def test_detects_encoding(text: str, encoding: str) -> None:
    decoded, used = decode(text.encode(encoding))
    assert decoded == text
    assert used  # names what it used


def test_big5_and_gbk_are_told_apart() -> None:
    assert decode(TRADITIONAL.encode("big5"))[1] == "big5"
    assert decode(SIMPLIFIED.encode("gbk"))[1] == "gb18030"


def test_explicit_encoding_overrides_detection() -> None:
    data = TRADITIONAL.encode("big5")
    assert decode(data, encoding="big5")[0] == TRADITIONAL
    with pytest.raises(UsageError, match="unknown encoding"):
        decode(data, encoding="no-such-codec")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_are_normalised(newline: str) -> None:
    text, _ = decode(SIMPLIFIED.replace("\n", newline).encode("utf-8"))
    assert text == SIMPLIFIED


def test_mixed_line_ends() -> None:
    text, _ = decode("一行。\r\nline two.\rline three.\n".encode("utf-8"))
    assert text.split("\n")[:3] == ["一行。", "line two.", "line three."]


def test_invalid_utf8_names_the_byte_offset() -> None:
    good = "The city library will extend its opening hours. " * 3
    data = good.encode("utf-8") + b"\xff\xfe\xfd" + "市图书馆。".encode("utf-8")
    with pytest.raises(InputError, match=f"byte {len(good.encode())}"):
        decode(data, name="notice.txt")


def test_invalid_bytes_replaced_on_request() -> None:
    data = "市图书馆。Library.".encode("utf-8") + b"\xff" + "更多。".encode("utf-8")
    text, _ = decode(data, errors="replace")
    assert "\ufffd" in text and text.startswith("市图书馆。")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
        (b"PK\x03\x04" + bytes(100), "zip"),
        (b"%PDF-1.7\n" + bytes(50), "PDF"),
        (b"abc\x00\x01\x02def\x00" * 3 + b"\x00\x00\x00\x00", "binary"),
    ],
)
def test_binary_data_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match="binary"):
        decode(data, name="x")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", "\ufeff".encode("utf-8")])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty|whitespace"):
        decode(data, name="empty.txt")


def test_english_saved_as_windows_1252_is_read() -> None:
    text = "He said, \u201cIt\u2019s a caf\u00e9.\u201d Then he left.\n"
    assert decode(text.encode("cp1252")) == (text, "cp1252")


def test_chinese_in_rare_characters_is_not_taken_for_windows_1252() -> None:
    with pytest.raises(InputError, match="no other encoding fits"):
        decode("龘靐齉齾爩鱻麤龗灪".encode("gb18030"))


def test_hong_kong_big5_is_read_with_its_extension() -> None:
    # 𨋢 (lift) and 哋 are HKSCS characters plain Big5 lacks; GB18030 would
    # read the bytes as rare characters
    text = "大廈的𨋢壞了，請行樓梯。\nThe lift in the building is broken.\n佢哋喺度傾偈。\nThey are chatting there.\n"
    decoded, encoding = decode(text.encode("big5hkscs"))
    assert decoded == text and encoding == "big5hkscs"
