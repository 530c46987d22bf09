"""Batch runs: many files, a process pool, failures isolated, up-to-date skipping, Dask."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.batch import align_many
from aligner.cli import main
from aligner.errors import UsageError
from conftest import EN_PARAGRAPHS, ZH_PARAGRAPHS


def make_corpus(folder: Path, n: int = 20, bad: int | None = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(n):
        path = folder / f"doc{k:02d}.txt"
        if k == bad:
            path.write_bytes(b"")  # the bad one
        else:
            zh = ZH_PARAGRAPHS[k % 4 :] + ZH_PARAGRAPHS[: k % 4]
            en = EN_PARAGRAPHS[k % 4 :] + EN_PARAGRAPHS[: k % 4]
            path.write_text("\n".join(zh + en), encoding="utf-8")
        paths.append(path)
    return paths


def test_twenty_files_one_bad_in_parallel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    code = main(["align", str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--format", "tsv"])
    err = capsys.readouterr().err
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == [f"doc{k:02d}.tsv" for k in range(20) if k != 7]
    assert f"aligner: {tmp_path / 'in' / 'doc07.txt'}: file is empty" in err
    assert "20 files, 152 beads, 1 failed, 0 up to date" in err


def test_one_file_also_gets_its_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = make_corpus(tmp_path / "in", n=1, bad=None)
    code = main(["align", str(path), "-o", str(tmp_path / "out"), "--format", "tsv"])
    beads = len((tmp_path / "out" / "doc00.tsv").read_text(encoding="utf-8").splitlines()) - 1
    assert code == 0
    assert f"aligner: 1 file, {beads} beads, 0 failed, 0 up to date" in capsys.readouterr().err


def test_outputs_newer_than_input_are_skipped_unless_forced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_corpus(tmp_path / "in", n=3, bad=None)
    out = tmp_path / "out"
    assert main(["align", str(tmp_path / "in"), "-o", str(out), "--format", "tsv"]) == 0
    capsys.readouterr()
    stamp = (out / "doc00.tsv").stat().st_mtime_ns
    assert main(["align", str(tmp_path / "in"), "-o", str(out), "--format", "tsv"]) == 0
    assert "3 up to date" in capsys.readouterr().err
    assert (out / "doc00.tsv").stat().st_mtime_ns == stamp
    assert main(["align", str(tmp_path / "in"), "-o", str(out), "--format", "tsv", "--force"]) == 0
    assert "0 up to date" in capsys.readouterr().err


def test_align_many_yields_alignments_without_out_dir(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "in", n=4, bad=2)
    results = list(align_many(paths, jobs=2))
    assert sorted(r.job.stem for r in results) == ["doc00", "doc01", "doc02", "doc03"]
    good = [r for r in results if r.ok]
    assert len(good) == 3 and all(r.alignment is not None and len(r.alignment) == 8 for r in good)
    assert [r.error for r in results if not r.ok] == [f"{paths[2]}: file is empty"]


def test_parallel_equals_serial(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "in", n=6, bad=None)
    serial = {r.job.stem: r.alignment.pairs() for r in align_many(paths, jobs=1)}
    parallel = {r.job.stem: r.alignment.pairs() for r in align_many(paths, jobs=2)}
    assert serial == parallel


def test_dask_local_cluster_equals_serial(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    paths = make_corpus(tmp_path / "in", n=5, bad=3)
    serial = {r.job.stem: (r.ok, r.alignment.pairs() if r.ok else r.error) for r in align_many(paths)}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = {r.job.stem: (r.ok, r.alignment.pairs() if r.ok else r.error) for r in align_many(paths, client=client)}
    assert on_dask == serial


def _read_pty(argv: list[str]) -> str:
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # child: stderr is the terminal
        os.execv(argv[0], argv)
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    """Through a pipe the bar is silent; on a pseudo-terminal it is drawn."""
    make_corpus(tmp_path / "in", n=3, bad=None)
    exe = Path(sys.executable).with_name("aligner")
    if not exe.exists():
        pytest.skip("the aligner console script is not installed next to this Python")
    piped = subprocess.run([str(exe), "align", str(tmp_path / "in"), "-o", str(tmp_path / "a")], capture_output=True, text=True)
    assert piped.returncode == 0 and "it/s" not in piped.stderr and "file/s" not in piped.stderr and "%" not in piped.stderr
    shown = _read_pty([str(exe), "align", str(tmp_path / "in"), "-o", str(tmp_path / "b")])
    assert "aligning" in shown and "3/3" in shown
    quiet = subprocess.run([str(exe), "align", str(tmp_path / "in"), "-o", str(tmp_path / "c"), "-q"], capture_output=True, text=True)
    assert quiet.stderr == ""


def test_a_long_single_document_shows_its_rows_on_a_terminal(tmp_path: Path) -> None:
    """One input has no file bar; a long one shows how far the alignment is."""
    from conftest import EN_PARAGRAPHS, ZH_PARAGRAPHS

    exe = Path(sys.executable).with_name("aligner")
    if not exe.exists():
        pytest.skip("the aligner console script is not installed next to this Python")
    zh = [f"第{k}条。{ZH_PARAGRAPHS[k % 4]}" for k in range(4000)]
    en = [f"Article {k}. {EN_PARAGRAPHS[k % 4]}" for k in range(4000)]
    (tmp_path / "book.zh").write_text("\n".join(zh) + "\n", encoding="utf-8")
    (tmp_path / "book.en").write_text("\n".join(en) + "\n", encoding="utf-8")
    args = ["align", "--zh", str(tmp_path / "book.zh"), "--en", str(tmp_path / "book.en"), "--presplit", "-f", "tsv"]
    shown = _read_pty([str(exe), *args, "-o", str(tmp_path / "a")])
    assert "aligning book" in shown and "100%" in shown
    piped = subprocess.run([str(exe), *args, "-o", str(tmp_path / "b")], capture_output=True, text=True)
    assert piped.returncode == 0 and "%" not in piped.stderr
    assert (tmp_path / "a" / "book.tsv").read_bytes() == (tmp_path / "b" / "book.tsv").read_bytes()


def test_row_listener_restarts_for_a_finer_grid_or_another_pass() -> None:
    from aligner.cli import _RowListener

    class Bar:
        n = 0
        desc = ""

        def refresh(self) -> None:
            pass

        def set_description_str(self, desc: str, refresh: bool = True) -> None:
            self.desc = desc

    bar = Bar()
    listener = _RowListener(lambda: bar, show_from=float("-inf"), desc="aligning book")
    for done in (5, 10):  # a coarse grid of 10 rows
        listener(done, 10)
    assert bar.n == 100 and bar.desc == ""
    listener(50, 200)  # the fine grid
    assert bar.n == 25 and bar.desc == "aligning book (stage 2)"
    listener(3, 7)  # a coarse grid inside: ignored
    listener(200, 200)
    assert bar.n == 100
    listener(20, 200)  # a second pass over the same grid
    assert bar.n == 10 and bar.desc == "aligning book (stage 3)"
    late = _RowListener(lambda: Bar(), show_from=float("inf"))
    late(5, 10)
    assert late.bar is None  # nothing drawn before its time


@pytest.mark.parametrize("names", [("a/x.txt", "b/x.txt"), ("d/x.txt", "d/x.html")])
def test_two_inputs_with_one_stem_are_refused_before_anything_is_written(
    names: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for k, name in enumerate(names):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(ZH_PARAGRAPHS[k:] + EN_PARAGRAPHS[k:]), encoding="utf-8")
    out = tmp_path / "out"
    same_folder = Path(names[0]).parent == Path(names[1]).parent
    inputs = [str(tmp_path / Path(names[0]).parent)] if same_folder else [str(tmp_path / n) for n in names]
    code = main(["align", *inputs, "-o", str(out), "-q"])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert len(err.strip().splitlines()) == 1 and "'x'" in err
    with pytest.raises(UsageError):
        list(align_many([tmp_path / n for n in names], out))
