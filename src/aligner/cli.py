"""The ``aligner`` command line.

Exit codes: 0 success, 1 bad data (a file could not be aligned), 2 bad
usage. Errors are one line on stderr, ``aligner: <file>: <problem>``; no
traceback for anything a user can cause. Heavy modules are imported only
by the subcommand that needs them, so ``aligner --help`` answers at once.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Iterator, Sequence

from aligner import __version__
from aligner.errors import AlignerError, InputError, UsageError

_LANG_MARKERS = (".zh", ".en", "_zh", "_en", "-zh", "-en", ".cn", "_cn", "-cn", ".chs", ".eng")


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line with exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="aligner",
        description="Sentence-align bilingual Chinese/English documents into TSV and TMX bitext.",
        epilog="Run 'aligner COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"aligner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    align = sub.add_parser(
        "align",
        help="align mixed zh/en files (or a --zh/--en pair) and write TSV/TMX",
        description=(
            "Align each input file (Chinese and English mixed in one document, any layout and "
            "common encoding) and write OUT/STEM.tsv, OUT/STEM.tmx, ... per input. A directory "
            "argument means every visible file directly in it (not its subfolders). With --zh and --en, "
            "align two single-language files. '-' reads one document from standard input."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  aligner align data/raw -o data/aligned\n"
            "  aligner align page.txt -o - | cut -f1,2\n"
            "  curl -s URL | aligner align - -o - --format jsonl\n"
            "  aligner align --zh 001.zh --en 001.en --presplit -o out --format tsv\n"
        ),
    )
    align.add_argument("inputs", nargs="*", metavar="FILE_OR_DIR", help="mixed Chinese/English input files or directories ('-': standard input)")
    align.add_argument("--zh", metavar="FILE", help="a Chinese-only file (use with --en)")
    align.add_argument("--en", metavar="FILE", help="an English-only file (use with --zh)")
    align.add_argument("-o", "--output", metavar="DIR", required=True, help="output directory (created if missing), or '-' for TSV on stdout")
    align.add_argument("-f", "--format", default=None, metavar="LIST", help="comma-separated output formats (default: tsv,tmx; with '-o -' one format, default tsv; see 'Formats' in the README)")
    align.add_argument("--presplit", action="store_true", help="with --zh/--en: each line is one sentence, taken unchanged")
    align.add_argument("--encoding", metavar="NAME", help="input encoding (default: detected: UTF-8/16, GB18030, Big5, and Windows-1252 for English)")
    align.add_argument("--errors", choices=["strict", "replace"], default="strict", help="undecodable bytes: fail with their offset (strict, default) or replace with U+FFFD")
    align.add_argument("--zh-lang", default="zh-CN", metavar="TAG", help="TMX language tag of the Chinese side (default: zh-CN)")
    align.add_argument("--en-lang", default="en", metavar="TAG", help="TMX language tag of the English side (default: en)")
    align.add_argument("--min-confidence", type=float, default=None, metavar="X", help="leave beads with confidence below X (0-1) out of the TMX (the TSV keeps every bead)")
    align.add_argument("--no-dictionary", action="store_true", help="align by length and structure only (no dictionary evidence)")
    align.add_argument(
        "--two-pass", action="store_true",
        help="align a second time with the bead shapes and word pairs the first pass found in the document (1.5-1.8 times slower; more accurate, most on long documents; a document whose first pass finds fewer than 100 two-sided beads is aligned once)",
    )
    align.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="align N files at a time in separate processes (default: 1)")
    align.add_argument("--force", action="store_true", help="align again even when the outputs are newer than the input")
    align.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask cluster, e.g. tcp://HOST:8786 (needs aligner[dask])")
    align.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")

    rep = sub.add_parser(
        "report",
        help="write a self-contained HTML report (tables and plots) of aligned files",
        description="Align each input file and write one self-contained HTML page with its beads and plots.",
    )
    rep.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR", help="mixed Chinese/English input files or directories")
    rep.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    rep.add_argument("--encoding", metavar="NAME", help="input encoding (default: detected)")
    rep.add_argument("--errors", choices=["strict", "replace"], default="strict", help="undecodable bytes: fail (default) or replace")
    rep.add_argument("--max-rows", type=int, default=500, metavar="N", help="beads shown per document (default: 500)")

    ev = sub.add_parser(
        "eval",
        help="score an alignment against a gold alignment (strict/lax P, R, F1)",
        description=(
            "Score PRED against GOLD. Both may be gold-format files ('[0,1]:[0]' per line, 0-based) "
            "or TSV files written by 'aligner align' (their zh_ids/en_ids columns). Strict: exact "
            "bead match; lax: overlap. See docs/evaluation.md."
        ),
    )
    ev.add_argument("pred", metavar="PRED", help="predicted alignment (gold format or aligner TSV)")
    ev.add_argument("gold", metavar="GOLD", help="gold alignment")
    ev.add_argument("--verse-zh", metavar="FILE", help="verse id per zh sentence: merge beads by verse before scoring (Bible)")
    ev.add_argument("--verse-en", metavar="FILE", help="verse id per en sentence")
    return parser


#: Seconds to wait for a Dask scheduler to answer before giving up.
SCHEDULER_TIMEOUT = 10


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``aligner`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "align":
            if args.inputs == ["-"]:
                return _align_stdin(args)
            return _cmd_align(args)
        if args.command == "report":
            return _cmd_report(args)
        return _cmd_eval(args)
    except AlignerError as exc:
        _say(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        return 0


def _say(message: str) -> None:
    sys.stderr.write(f"aligner: {message}\n")


def _align_stdin(args: argparse.Namespace) -> int:
    """``aligner align -``: the document is read from standard input, and
    its outputs are named ``stdin.*``."""
    import tempfile

    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="aligner-") as folder:
        path = Path(folder) / "stdin"
        path.write_bytes(data)
        args.inputs = [str(path)]
        args.force = True
        try:
            return _cmd_align(args)
        except InputError as exc:
            raise InputError(str(exc).replace(str(path), "<stdin>")) from None


def _cmd_align(args: argparse.Namespace) -> int:
    from aligner.export import WRITERS, parse_formats

    if not args.output.strip():
        raise UsageError("-o needs a folder, or '-' for standard output")
    to_stdout = args.output == "-"
    if not to_stdout and Path(args.output).exists() and not Path(args.output).is_dir():
        raise UsageError(f"{args.output}: exists and is not a folder (-o names the output folder)")
    formats = parse_formats(args.format or ("tsv" if to_stdout else "tsv,tmx"))
    if to_stdout and len(formats) > 1:
        raise UsageError(f"'-o -' writes one format: give one --format of {', '.join(WRITERS)}")
    from aligner.export.tmx import check_language_tag

    check_language_tag(args.zh_lang, "--zh-lang")
    check_language_tag(args.en_lang, "--en-lang")
    if args.zh_lang.lower() == args.en_lang.lower():
        raise UsageError(f"--zh-lang and --en-lang are both {args.zh_lang!r}: the two sides need different tags")
    if args.min_confidence is not None and not 0.0 <= args.min_confidence <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    if bool(args.zh) != bool(args.en):
        raise UsageError("--zh and --en go together")
    if args.zh and args.inputs:
        raise UsageError("give either input files or --zh/--en, not both")
    if args.presplit and not args.zh:
        raise UsageError("--presplit needs --zh and --en")
    if not args.zh and not args.inputs:
        raise UsageError("no input: give FILE_OR_DIR arguments or --zh/--en")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    from aligner.batch import Job, align_many, check_distinct_stems, jobs_for

    if args.zh:
        job_list = [Job((Path(args.zh), Path(args.en)), _pair_stem(Path(args.zh), Path(args.en)))]
    else:
        job_list = jobs_for(args.inputs)
        if not job_list:
            raise InputError(f"{args.inputs[0]}: directory has no input files")
    options = {"zh_lang": args.zh_lang, "en_lang": args.en_lang, "min_confidence": args.min_confidence}
    align_options = {
        "presplit": args.presplit, "encoding": args.encoding, "errors": args.errors,
        "length_only": args.no_dictionary, "two_pass": args.two_pass,
    }  # fmt: skip
    if to_stdout:
        if len(job_list) > 1:
            raise UsageError("'-o -' takes a single input")
        from aligner.export import write

        results = align_many(job_list, None, force=True, **align_options)
        single = list(_with_row_progress(results, job_list[0].stem, quiet=args.quiet))[0]
        if single.error is not None:
            raise InputError(single.error)
        write(single.alignment, "-", formats[0], **options)
        return 0
    out_dir = Path(args.output)
    check_distinct_stems(job_list)
    _refuse_overwriting_inputs([(j.stem, j.source) for j in job_list], out_dir, formats)

    client = None
    if args.scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise UsageError("--scheduler needs the dask extra: pip install 'aligner[dask]'") from None
        try:
            client = Client(args.scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError, ValueError, TypeError) as exc:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise InputError(f"cannot reach the Dask scheduler at {args.scheduler}: {reason}") from None
    results = align_many(
        job_list, out_dir, formats, jobs=args.jobs, client=client, force=args.force,
        **align_options, **options,
    )
    progress = _progress(len(job_list), quiet=args.quiet)
    if len(job_list) == 1 and args.jobs <= 1 and client is None:
        results = _with_row_progress(results, job_list[0].stem, quiet=args.quiet)
    failures = beads = skipped = 0
    started = time.monotonic()
    for result in results:
        if result.error is not None:
            failures += 1
            if len(job_list) == 1:
                raise InputError(result.error)
            progress.write(f"aligner: {result.error}")
        skipped += result.skipped
        beads += result.beads
        progress.update(1)
    progress.close()
    if client is not None:
        client.close()
    if not args.quiet:
        seconds = time.monotonic() - started
        files = f"{len(job_list)} file" + ("s" if len(job_list) != 1 else "")
        sys.stderr.write(f"aligner: {files}, {beads} beads, {failures} failed, {skipped} up to date, {seconds:.1f} s\n")
    return 1 if failures else 0


def _pair_stem(zh: Path, en: Path) -> str:
    """Output stem of a --zh/--en pair: ``001.zh`` + ``001.en`` → ``001``,
    ``book_cn.txt`` + ``book_en.txt`` → ``book``; names with nothing in
    common give both (``gb.zh`` + ``u16.en`` → ``gb_u16``)."""
    def strip(path: Path) -> str:
        name = path.name
        for suffix in (".txt", ".text"):
            if name.lower().endswith(suffix):
                name = name[: -len(suffix)]
        for marker in _LANG_MARKERS:
            if name.lower().endswith(marker):
                return name[: -len(marker)]
        return name

    a, b = strip(zh), strip(en)
    if a == b and a:
        return a
    common = ""
    for x, y in zip(a, b):
        if x != y:
            break
        common += x
    common = common.rstrip("._- ")
    return common or f"{Path(a).stem}_{Path(b).stem}"


def _refuse_overwriting_inputs(jobs: list, out_dir: Path, formats: list[str]) -> None:  # type: ignore[type-arg]
    from aligner.export import WRITERS

    inputs = set()
    for _, source in jobs:
        for p in source if isinstance(source, tuple) else (source,):
            try:
                inputs.add(p.resolve())
            except OSError:
                pass
    for stem, _ in jobs:
        for fmt in formats:
            target = (out_dir / f"{stem}{WRITERS[fmt].suffix}").resolve()
            if target in inputs:
                raise UsageError(f"{target}: output would overwrite an input file")


class _NoProgress:
    def update(self, n: int) -> None:
        pass

    def write(self, line: str) -> None:
        sys.stderr.write(line + "\n")

    def close(self) -> None:
        pass


def _progress(total: int, quiet: bool):  # type: ignore[no-untyped-def]
    """A tqdm bar on an interactive stderr for more than one file; else nothing."""
    if quiet or total < 2 or not sys.stderr.isatty():  # silent in pipes and logs
        return _NoProgress()
    return _stderr_bar(total=total, unit="file", desc="aligning")


def _stderr_bar(**options: Any) -> Any:
    """A tqdm bar on stderr, sized to the terminal."""
    import shutil

    from tqdm import tqdm

    # A terminal that reports no size (some pseudo-terminals) counts as 80 × 24.
    size = shutil.get_terminal_size()
    return tqdm(file=sys.stderr, ncols=size.columns, nrows=size.lines, **options)


def _with_row_progress(results: Iterator[Any], stem: str, quiet: bool) -> Iterator[Any]:
    """Run the single job of ``results`` (a lazy generator) under a bar of the
    rows the dynamic programme has solved, on an interactive stderr only, drawn
    once the job has taken half a second."""
    if quiet or not sys.stderr.isatty():
        yield from results
        return
    from aligner.progress import listening

    def make_bar() -> Any:
        return _stderr_bar(total=100, desc=f"aligning {stem}", bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}")

    listener = _RowListener(make_bar, time.monotonic() + 0.5, f"aligning {stem}")
    try:
        with listening(listener):
            yield from results
    finally:
        if listener.bar is not None:
            listener.bar.close()


class _RowListener:
    """Shows the share of rows done of the largest grid solved so far, from
    ``show_from`` (a ``time.monotonic`` value) on; a finer pass after a coarse
    one, or another pass over the same grid, shows its own progress, and
    the bar names the stage (``aligning book (stage 2)``) so that a bar
    starting again is not taken for one going backwards."""

    def __init__(self, make_bar: Any, show_from: float, desc: str = "aligning") -> None:
        self.make_bar, self.show_from, self.desc = make_bar, show_from, desc
        self.bar: Any = None
        self.total = self.done = 0
        self.passes = 1

    def __call__(self, done: int, total: int) -> None:
        if total < self.total:
            return  # a coarse pass inside a finer one
        if total > self.total or done < self.done:
            if self.total:
                self.passes += 1
                if self.bar is not None:
                    self.bar.set_description_str(f"{self.desc} (stage {self.passes})", refresh=False)
        self.total, self.done = total, done
        if self.bar is None:
            if time.monotonic() < self.show_from:
                return
            self.bar = self.make_bar()
            if self.passes > 1:
                self.bar.set_description_str(f"{self.desc} (stage {self.passes})", refresh=False)
        percent = 100 * done // total
        if percent != self.bar.n:
            self.bar.n = percent
            self.bar.refresh()


def _cmd_report(args: argparse.Namespace) -> int:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise UsageError("report needs matplotlib: pip install 'aligner[plot]'") from None
    from aligner.api import align_file
    from aligner.atomic import atomic_writer
    from aligner.report import report_html

    from aligner.batch import jobs_for

    target = Path(args.output)
    inputs = [job.source for job in jobs_for(args.inputs) if isinstance(job.source, Path)]
    if not inputs:
        raise InputError(f"{args.inputs[0]}: directory has no input files")
    if any(p.resolve() == target.resolve() for p in inputs if p.exists()):
        raise UsageError(f"{target}: output would overwrite an input file")
    alignments = [align_file(p, encoding=args.encoding, errors=args.errors) for p in inputs]
    page = report_html(alignments, title="aligner report", max_rows=args.max_rows)
    with atomic_writer(target) as stream:
        stream.write(page)
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from aligner.scoring import evaluate

    if bool(args.verse_zh) != bool(args.verse_en):
        raise UsageError("--verse-zh and --verse-en go together")
    verses = None
    if args.verse_zh:
        verses = (_read_lines(args.verse_zh), _read_lines(args.verse_en))
    scores = evaluate(args.pred, args.gold, *(verses or (None, None)))
    print(scores.format() if hasattr(scores, "format") else scores)
    return 0


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
