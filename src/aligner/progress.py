"""Progress of one long alignment, for a display at the edge (the CLI's bar).

The dynamic programme tells, block by block, how many rows of its grid it
has done (:func:`rows_done`); whoever wants to show that installs a listener
for the current context with :func:`listening`. Without a listener a report
costs one context-variable look-up per block of rows.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

#: ``listener(done, total)``: ``done`` of the ``total`` rows of a grid are solved.
Listener = Callable[[int, int], None]

_LISTENER: ContextVar[Listener | None] = ContextVar("aligner_progress", default=None)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Send the row reports of alignments run inside the ``with`` block to ``listener``."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


def rows_done(done: int, total: int) -> None:
    """Report that ``done`` of the ``total`` rows of the grid being solved are done."""
    listener = _LISTENER.get()
    if listener is not None:
        listener(done, total)
