"""Many files: in this process, in a local process pool, or on a Dask cluster.

:func:`align_many` runs one task per input and yields a :class:`JobResult`
as each finishes. A failing input gives a result with ``error`` set (the
one-line message) and never stops the others. Outputs newer than their
input are skipped unless ``force``. Tasks are plain picklable functions,
so the same :func:`run_job` runs in a worker process or on a Dask worker.
"""

from __future__ import annotations

import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from aligner.errors import AlignerError, UsageError

Source = Path | tuple[Path, Path]


@dataclass(frozen=True)
class Job:
    """One input (a mixed file, or a zh/en pair) and the stem of its outputs."""

    source: Source
    stem: str


@dataclass(frozen=True)
class JobResult:
    """What became of a job: beads aligned, files written, or the error."""

    job: Job
    beads: int = 0
    seconds: float = 0.0
    written: tuple[Path, ...] = ()
    skipped: bool = False
    error: str | None = None
    alignment: Any = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class JobOptions:
    """How every job of a batch is aligned and written."""

    out_dir: Path | None = None
    formats: tuple[str, ...] = ("tsv",)
    presplit: bool = False
    encoding: str | None = None
    errors: str = "strict"
    length_only: bool = False
    #: A second alignment pass adapted to the document (``AlignParams.adapt``).
    two_pass: bool = False
    force: bool = False
    write_options: tuple[tuple[str, Any], ...] = ()


def jobs_for(paths: Iterable[str | Path]) -> list[Job]:
    """One job per file; a directory stands for its visible files (sorted).
    A file named twice (``a.txt a.txt``, or a file and its folder) is one job."""
    found: list[Job] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve() if path.exists() else path
        if key not in seen:
            seen.add(key)
            found.append(Job(path, path.stem))

    for name in paths:
        path = Path(name)
        if path.is_dir():
            for p in sorted(path.iterdir()):
                if p.is_file() and not p.name.startswith("."):
                    add(p)
        else:
            add(path)
    return found


def check_distinct_stems(jobs: Sequence[Job]) -> None:
    """Raise :class:`UsageError` when two jobs would write the same outputs
    (``a/x.txt`` and ``b/x.txt``, or ``x.txt`` and ``x.html``)."""
    seen: dict[str, Job] = {}
    for job in jobs:
        other = seen.setdefault(job.stem, job)
        if other is not job:
            raise UsageError(
                f"{_source_name(other)} and {_source_name(job)} would both be written as '{job.stem}': "
                "rename one or align them in separate runs"
            )


def _source_name(job: Job) -> str:
    sources = job.source if isinstance(job.source, tuple) else (job.source,)
    return "+".join(str(p) for p in sources)


def outputs_of(job: Job, options: JobOptions) -> list[Path]:
    """The files a job writes."""
    from aligner.export import WRITERS

    if options.out_dir is None:
        return []
    return [options.out_dir / f"{job.stem}{WRITERS[fmt].suffix}" for fmt in options.formats]


def _up_to_date(job: Job, options: JobOptions) -> bool:
    sources = job.source if isinstance(job.source, tuple) else (job.source,)
    targets = outputs_of(job, options)
    try:
        newest_input = max(p.stat().st_mtime for p in sources)
        return bool(targets) and all(t.exists() and t.stat().st_mtime > newest_input for t in targets)
    except OSError:
        return False


def run_job(job: Job, options: JobOptions) -> JobResult:
    """Align one job and write its outputs; errors become ``JobResult.error``."""
    from aligner.align import AlignParams
    from aligner.api import align_file, align_files
    from aligner.export import write

    if not options.force and _up_to_date(job, options):
        return JobResult(job, skipped=True)
    started = time.perf_counter()
    params = AlignParams.length_only() if options.length_only else AlignParams()
    if options.two_pass:
        params = replace(params, adapt=True)
    try:
        if isinstance(job.source, tuple):
            alignment = align_files(
                job.source[0], job.source[1], presplit=options.presplit, encoding=options.encoding, errors=options.errors, params=params
            )
        else:
            alignment = align_file(job.source, encoding=options.encoding, errors=options.errors, params=params)
        written = []
        for target, fmt in zip(outputs_of(job, options), options.formats):
            try:
                write(alignment, target, fmt, **dict(options.write_options))
            except OSError as exc:
                return JobResult(job, error=f"{target}: cannot write ({exc.strerror or exc})")
            written.append(target)
    except AlignerError as exc:
        return JobResult(job, error=str(exc), seconds=time.perf_counter() - started)
    keep = alignment if options.out_dir is None else None
    return JobResult(job, len(alignment), time.perf_counter() - started, tuple(written), alignment=keep)


def align_many(
    paths: Sequence[str | Path] | Sequence[Job],
    out_dir: str | Path | None = None,
    formats: str | Sequence[str] = ("tsv",),
    jobs: int = 1,
    client: Any = None,
    force: bool = False,
    **options: Any,
) -> Iterator[JobResult]:
    """Align many inputs; yield each :class:`JobResult` as it finishes.

    ``jobs`` > 1 runs a local process pool; ``client`` (a
    ``dask.distributed.Client``) runs the tasks on a Dask cluster instead.
    Without ``out_dir`` nothing is written and each result carries its
    ``alignment``. Other keyword options: ``presplit``, ``encoding``,
    ``errors``, ``length_only``, ``two_pass`` and the writers' options (``zh_lang``,
    ``en_lang``, ``min_confidence``).
    """
    job_list = [p if isinstance(p, Job) else None for p in paths]
    if any(j is None for j in job_list):
        job_list = jobs_for(paths)  # type: ignore[arg-type]
    from aligner.export import parse_formats

    formats = parse_formats(formats if isinstance(formats, str) else ",".join(formats))
    if out_dir is not None:
        check_distinct_stems(job_list)  # type: ignore[arg-type]
    known = {"presplit", "encoding", "errors", "length_only", "two_pass"}
    job_options = JobOptions(
        out_dir=Path(out_dir) if out_dir is not None else None,
        formats=tuple(formats),
        force=force,
        write_options=tuple(sorted((k, v) for k, v in options.items() if k not in known)),
        **{k: v for k, v in options.items() if k in known},
    )
    if client is not None:
        from distributed import as_completed as dask_completed

        futures = [client.submit(run_job, job, job_options, pure=False) for job in job_list]
        for future in dask_completed(futures):
            yield future.result()
        return
    if jobs <= 1 or len(job_list) <= 1:
        for job in job_list:
            yield run_job(job, job_options)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = [pool.submit(run_job, job, job_options) for job in job_list]
        for done in as_completed(pending):
            yield done.result()
