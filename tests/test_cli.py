"""The command line: outputs, naming, exit codes and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.cli import main
from conftest import EN_PARAGRAPHS, ROOT, ZH_PARAGRAPHS

SEED = ROOT / "data" / "raw" / "000_6b09ea8d1725d98c.txt"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("aligner")
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS) + "\n", encoding="utf-8")
    return path


def test_align_writes_tsv_and_tmx(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, err = run(["align", str(doc), "-o", str(out)], capsys)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["notice.tmx", "notice.tsv"]
    assert out.joinpath("notice.tsv").read_text(encoding="utf-8").count("\n") == 9  # header + 8 beads


def test_align_directory_and_formats(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, _ = run(["align", str(doc.parent), "-o", str(out), "--format", "jsonl", "-q"], capsys)
    assert code == 0
    assert [p.name for p in out.iterdir()] == ["notice.jsonl"]


def test_stdout(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["align", str(doc), "-o", "-"], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("zh\ten\t") and len(out.splitlines()) == 9


def test_stdout_writes_the_one_format_asked_for(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["align", str(doc), "-o", "-", "--format", "jsonl", "-q"], capsys)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 8 and all({"zh", "en", "kind"} <= set(r) for r in records)
    code, out, err = run(["align", str(doc), "-o", "-", "--format", "tsv,jsonl"], capsys)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1 and "one format" in err


def test_two_files_named_after_common_stem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "001.zh").write_text("\n".join(ZH_PARAGRAPHS), encoding="utf-8")
    (tmp_path / "001.en").write_text("\n".join(EN_PARAGRAPHS), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(["align", "--zh", str(tmp_path / "001.zh"), "--en", str(tmp_path / "001.en"), "-o", str(out), "--format", "tsv"], capsys)
    assert code == 0, err
    assert [p.name for p in out.iterdir()] == ["001.tsv"]


@pytest.mark.parametrize(
    ("names", "stem"),
    [(("book_cn.txt", "book_en.txt"), "book"), (("gb.zh", "u16.en"), "gb_u16")],
)
def test_a_pair_is_named_after_both_files(names: tuple[str, str], stem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    zh, en = tmp_path / names[0], tmp_path / names[1]
    zh.write_text("\n".join(ZH_PARAGRAPHS), encoding="utf-8")
    en.write_text("\n".join(EN_PARAGRAPHS), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(["align", "--zh", str(zh), "--en", str(en), "-o", str(out), "--format", "tsv", "-q"], capsys)
    assert code == 0, err
    assert [p.name for p in out.iterdir()] == [f"{stem}.tsv"]


def test_a_file_named_twice_is_aligned_once(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _, err = run(["align", str(doc), str(doc), str(doc.parent), "-o", str(out), "--format", "tsv"], capsys)
    assert code == 0, err
    assert [p.name for p in out.iterdir()] == ["notice.tsv"] and "1 file," in err


def test_presplit_keeps_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.zh").write_text("第一句。\n第二句。\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("The first sentence.\nThe second sentence.\n", encoding="utf-8")
    code, out, _ = run(["align", "--zh", str(tmp_path / "a.zh"), "--en", str(tmp_path / "a.en"), "--presplit", "-o", "-"], capsys)
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert [(r[4], r[5]) for r in rows] == [("0", "0"), ("1", "1")]


def test_eval_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.gold").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    (tmp_path / "g.gold").write_text("[0]:[0]\n[1]:[1,2]\n", encoding="utf-8")
    code, out, _ = run(["eval", str(tmp_path / "p.gold"), str(tmp_path / "g.gold")], capsys)
    assert code == 0
    assert out.startswith("strict  P 0.500  R 0.500  F1 0.500")


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda d: d / "missing.txt", 1, "no such file"),
        (lambda d: d, 1, "directory has no input files"),
        (lambda d: _write(d / "empty.txt", b""), 1, "empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\n \t\n"), 1, "whitespace"),
        (lambda d: _write(d / "zh.txt", "\n".join(ZH_PARAGRAPHS).encode()), 1, "only Chinese"),
        (lambda d: _write(d / "en.txt", "\n".join(EN_PARAGRAPHS).encode()), 1, "only English"),
        (lambda d: _write(d / "bad.txt", "市图书馆。Library.".encode() + b"\xff\xfe\x80" + "结束。".encode()), 1, "invalid UTF-8 at byte"),
        (lambda d: _write(d / "img.png", b"\x89PNG\r\n\x1a\n" + bytes(300)), 1, "binary"),
    ],
)
def test_bad_input_one_line_error_and_no_output(make, code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in"
    src.mkdir()
    target = make(src)
    out = tmp_path / "out"
    got, _, err = run(["align", str(target), "-o", str(out)], capsys)
    assert got == code
    line = one_line_error(err)
    assert message in line
    assert not out.exists() or not any(out.iterdir())


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--format", "tsv,docx"], "unknown format 'docx'"),
        (["--zh-lang", "zh CN"], "--zh-lang 'zh CN' is not a language tag"),
        (["--zh-lang", "en", "--en-lang", "EN"], "the two sides need different tags"),
    ],
)
def test_bad_output_options_are_usage_errors(
    options: list[str], message: str, doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["align", str(doc), "-o", str(tmp_path / "o"), *options], capsys)
    assert code == 2
    assert message in one_line_error(err)
    assert not (tmp_path / "o").exists()


def test_failed_file_in_a_batch_keeps_the_others(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(doc.parent / "bad.txt", b"")
    out = tmp_path / "out"
    code, _, err = run(["align", str(doc), str(bad), "-o", str(out), "--format", "tsv"], capsys)
    assert code == 1
    assert "bad.txt" in err and "empty" in err
    assert [p.name for p in out.iterdir()] == ["notice.tsv"]


def test_output_may_not_overwrite_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.tsv"
    path.write_text("\n".join(ZH_PARAGRAPHS + EN_PARAGRAPHS), encoding="utf-8")
    code, _, err = run(["align", str(path), "-o", str(tmp_path), "--format", "tsv"], capsys)
    assert code == 2 and "overwrite" in one_line_error(err)


def test_earlier_output_survives_a_failed_run(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run(["align", str(doc), "-o", str(out), "--format", "tsv"], capsys)[0] == 0
    before = (out / "notice.tsv").read_bytes()
    doc.write_bytes(b"")
    assert run(["align", str(doc), "-o", str(out), "--format", "tsv"], capsys)[0] == 1
    assert (out / "notice.tsv").read_bytes() == before


@pytest.mark.parametrize("args", [["--help"], ["align", "--help"], ["eval", "--help"]])
def test_help_explains(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "usage: aligner" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["align"])
    assert exc.value.code == 2
    assert "required" in one_line_error(capsys.readouterr().err)
    assert main(["align", "-o", "x"]) == 2
    assert "no input" in one_line_error(capsys.readouterr().err)


def test_console_script_runs_as_a_process(doc: Path, tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("aligner")
    if not exe.exists():
        pytest.skip("the aligner console script is not installed next to this Python")
    result = subprocess.run([str(exe), "align", str(doc), "-o", "-"], capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 0 and result.stdout.startswith("zh\ten")
    result = subprocess.run([str(exe), "align", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == f"aligner: {tmp_path / 'nope.txt'}: no such file"


def test_unreachable_scheduler_is_one_line(doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    code, _, err = run(["align", str(doc), "-o", str(tmp_path / "out"), "--scheduler", "nonsense"], capsys)
    assert code == 1
    assert "cannot reach the Dask scheduler at nonsense" in one_line_error(err)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_standard_input_is_read_with_a_dash(doc: Path, tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("aligner")
    if not exe.exists():
        pytest.skip("the aligner console script is not installed next to this Python")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    piped = subprocess.run([str(exe), "align", "-", "-o", "-", "-q"], input=doc.read_bytes(), capture_output=True, env=env)
    direct = subprocess.run([str(exe), "align", str(doc), "-o", "-", "-q"], capture_output=True, env=env)
    assert piped.returncode == 0 and piped.stdout == direct.stdout and piped.stdout.count(b"\n") == 9
    subprocess.run([str(exe), "align", "-", "-o", str(tmp_path / "out"), "-q"], input=doc.read_bytes(), check=True)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["stdin.tmx", "stdin.tsv"]
    empty = subprocess.run([str(exe), "align", "-", "-o", "-"], input="", capture_output=True, text=True)
    assert empty.returncode == 1 and empty.stderr.strip() == "aligner: <stdin>: file is empty"


@pytest.mark.parametrize(
    ("output", "message"),
    [("", "-o needs a folder"), ("a_file.txt", "exists and is not a folder")],
)
def test_bad_output_folder_is_a_usage_error(output: str, message: str, doc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a_file.txt").write_text("not a folder", encoding="utf-8")
    assert main(["align", str(doc), "-o", output]) == 2
    assert message in one_line_error(capsys.readouterr().err)
    assert (tmp_path / "a_file.txt").read_text(encoding="utf-8") == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file.txt", "notice.txt"]  # nothing written


def test_eval_refuses_an_empty_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.gold").write_text("[0]:[0]\n", encoding="utf-8")
    (tmp_path / "g.gold").write_text("", encoding="utf-8")
    assert main(["eval", str(tmp_path / "p.gold"), str(tmp_path / "g.gold")]) == 1
    assert "no beads in the gold file" in one_line_error(capsys.readouterr().err)
