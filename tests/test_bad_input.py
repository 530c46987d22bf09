"""Bad and awkward inputs: each has a defined behaviour (see the README table)."""

from __future__ import annotations

from pathlib import Path

import pytest

import aligner
from aligner.cli import main
from conftest import EN_PARAGRAPHS, ZH_PARAGRAPHS
from test_pipeline import check_conservation


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.strip()


def test_permission_denied(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS), encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    code, err = run(["align", str(path), "-o", str(tmp_path / "out")], capsys)
    assert code == 1 and err == f"aligner: {path}: permission denied"
    assert not (tmp_path / "out").exists()


def test_invalid_utf8_replaced_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "damaged.txt"
    body = "\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS).encode("utf-8")
    cut = body.index(b"\n")
    path.write_bytes(body[:cut] + b"\x80" + body[cut:])
    code, err = run(["align", str(path), "-o", str(tmp_path / "a")], capsys)
    assert code == 1 and f"invalid UTF-8 at byte {cut}" in err
    code, err = run(["align", str(path), "-o", str(tmp_path / "b"), "--errors", "replace", "--format", "tsv"], capsys)
    assert code == 0
    assert "\ufffd" in (tmp_path / "b" / "damaged.tsv").read_text(encoding="utf-8")


def test_stray_control_characters_are_removed() -> None:
    text = ZH_PARAGRAPHS[0] + "\x00\x07\n" + EN_PARAGRAPHS[0].replace("library", "lib\x1brary")
    alignment = aligner.align_text(text)
    assert "\x00" not in alignment.zh[0].text and "\x07" not in alignment.zh[-1].text
    assert all("\x1b" not in s.text for s in alignment.en)


def test_a_100000_character_line_without_punctuation() -> None:
    zh = "图书馆" * 33_334
    en = ("library " * 12_500).strip()
    alignment = aligner.align_text(zh + "\n" + en)
    check_conservation(alignment)
    assert [b.kind for b in alignment.beads] == ["1-1"]


def test_one_language_much_longer_than_the_other() -> None:
    zh = "\n".join(ZH_PARAGRAPHS[:1] * 5)  # 10 sentences
    en = "\n".join(f"Sentence number {k} of a very long English appendix." for k in range(2000))
    alignment = aligner.align_pair(zh, en)
    check_conservation(alignment)
    assert (len(alignment.zh), len(alignment.en)) == (10, 2000)


def test_html_markup_is_turned_into_text() -> None:
    page = (
        "<html><head><title>通知</title><style>p {color: red}</style></head><body>"
        + "".join(f"<p>{p}</p>" for p in ZH_PARAGRAPHS)
        + "".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in EN_PARAGRAPHS)
        + "<script>var tracking = 1;</script></body></html>"
    )
    alignment = aligner.align_text(page)
    check_conservation(alignment)
    joined = " ".join(s.text for s in alignment.en)
    assert "<p>" not in joined and "color" not in joined and "tracking" not in joined
    assert len(alignment.en) == 8


def test_markdown_table_rows_become_pairs() -> None:
    table = "| 中文 | English |\n| --- | --- |\n" + "\n".join(f"| {z} | {e} |" for z, e in zip(ZH_PARAGRAPHS, EN_PARAGRAPHS))
    doc = aligner.loader.load_text(table)
    assert [p.text for p in doc.zh][1:] == ZH_PARAGRAPHS
    assert [p.text for p in doc.en][1:] == EN_PARAGRAPHS
    assert [s.reason for s in doc.set_aside] == ["no text"]


def test_utf16_without_bom_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS).encode("utf-16-le"))
    code, _ = run(["align", str(path), "-o", str(tmp_path / "out"), "--format", "tsv"], capsys)
    assert code == 0
    assert (tmp_path / "out" / "u16.tsv").read_text(encoding="utf-8").count("\n") == 9


def test_a_50_mb_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """50 MB in, aligned and written; a real 50 MB document (450,000 sentence
    pairs) is timed in docs/benchmarks.md, this one keeps the suite fast."""
    path = tmp_path / "big.txt"
    zh_line = ("市图书馆延长开放时间，" * 1_000) + "。\n"  # one sentence of 11,000 characters
    en_line = ("the city library extends its opening hours, " * 1_000) + ".\n"
    block = (zh_line + en_line).encode("utf-8")
    repeats = 50_000_000 // len(block) + 1
    path.write_bytes(block * repeats)
    assert path.stat().st_size >= 50_000_000
    code, err = run(["align", str(path), "-o", str(tmp_path / "out"), "--format", "tsv"], capsys)
    assert code == 0, err
    rows = (tmp_path / "out" / "big.tsv").read_text(encoding="utf-8").count("\n") - 1
    assert rows == repeats
