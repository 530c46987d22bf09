"""Exporters: one module per format and a small registry of them.

``write(alignment, path, fmt)`` writes atomically: the text goes to a
temporary file in the target directory, which is renamed over the target
only when complete. A failed write leaves an earlier file untouched and no
temporary file behind. ``path`` ``"-"`` means standard output, written as
UTF-8 with LF line ends whatever the locale.
"""

from __future__ import annotations

import contextlib
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from aligner.atomic import atomic_writer
from aligner.errors import InputError, UsageError
from aligner.model import Alignment


@dataclass(frozen=True)
class Writer:
    """A format: its name, file suffix, and a function writing to a text stream."""

    name: str
    suffix: str
    write: Callable[..., None]
    description: str = ""


def _registry() -> dict[str, Writer]:
    from aligner.export import jsonl, tmx, tsv

    return {
        "tsv": Writer("tsv", ".tsv", tsv.write_tsv, "tab-separated, one bead per line"),
        "tmx": Writer("tmx", ".tmx", tmx.write_tmx, "TMX 1.4b translation memory"),
        "jsonl": Writer("jsonl", ".jsonl", jsonl.write_jsonl, "one JSON object per bead"),
    }


WRITERS: dict[str, Writer] = _registry()


def formats() -> list[str]:
    """Names of the known formats."""
    return list(WRITERS)


def parse_formats(text: str) -> list[str]:
    """``"tsv,tmx"`` → ``["tsv", "tmx"]``: validated, deduplicated, in order."""
    names: list[str] = []
    for raw in text.split(","):
        name = raw.strip().lower()
        if not name:
            continue
        if name not in WRITERS:
            raise UsageError(f"unknown format '{name}' (choose from: {', '.join(WRITERS)})")
        if name not in names:
            names.append(name)
    if not names:
        raise UsageError(f"no output format given (choose from: {', '.join(WRITERS)})")
    return names


def _writer(fmt: str) -> Writer:
    name = fmt.strip().lower() if isinstance(fmt, str) else ""
    if name not in WRITERS:
        raise UsageError(f"unknown format '{fmt}' (choose from: {', '.join(WRITERS)})")
    return WRITERS[name]


@contextlib.contextmanager
def _stdout() -> Iterator[TextIO]:
    """Standard output as a UTF-8, LF text stream (TMX declares UTF-8)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # already replaced by a plain text stream
        yield sys.stdout
        sys.stdout.flush()
        return
    sys.stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="\n", write_through=True)
    try:
        yield stream
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.detach()  # flushes; leaves sys.stdout open


def write(alignment: Alignment, path: str | Path, fmt: str, **options: Any) -> None:
    """Write ``alignment`` in format ``fmt`` to ``path`` (``"-"``: stdout), atomically.

    ``options`` go to the format's writer; each writer ignores the ones it
    does not use, so one set of options can serve several formats.
    """
    writer = _writer(fmt)
    if str(path) == "-":
        with _stdout() as stream:
            writer.write(alignment, stream, **options)
        return
    try:
        with atomic_writer(path) as stream:
            writer.write(alignment, stream, **options)
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def write_text(alignment: Alignment, fmt: str, **options: Any) -> str:
    """The alignment in format ``fmt`` as a string (for notebooks and tests)."""
    buffer = io.StringIO()
    _writer(fmt).write(alignment, buffer, **options)
    return buffer.getvalue()


__all__ = ["WRITERS", "Writer", "formats", "parse_formats", "write", "write_text"]
