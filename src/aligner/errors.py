"""Errors the user can cause, each with the process exit code it maps to.

The command line prints ``aligner: <message>`` on one line and exits with
``exit_code``; it never shows a traceback for these.
"""

from __future__ import annotations


class AlignerError(Exception):
    """Base class of every error caused by input or usage, not by a bug."""

    exit_code = 1


class InputError(AlignerError):
    """The data cannot be used: missing, empty, undecodable, one language only."""

    exit_code = 1


class UsageError(AlignerError):
    """The request itself is wrong: unknown format, conflicting options."""

    exit_code = 2
