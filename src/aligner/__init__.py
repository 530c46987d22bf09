"""aligner: sentence-align bilingual Chinese/English documents.

Pipeline: load → split → align → export. See README.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aligner.errors import AlignerError, InputError, UsageError
from aligner.model import Alignment, Bead, Document, Paragraph, SetAside, Sentence

__version__ = "0.1.0"

# The one-call API and evaluation are imported on first use, so that
# ``import aligner`` (and ``aligner --help``) stay fast.
_LAZY = {
    "align_file": "aligner.api",
    "align_files": "aligner.api",
    "align_text": "aligner.api",
    "align_pair": "aligner.api",
    "align_loaded": "aligner.api",
    "AlignParams": "aligner.align",
    "evaluate": "aligner.scoring",
    "align_many": "aligner.batch",
    "Scores": "aligner.scoring",
}

if TYPE_CHECKING:  # pragma: no cover
    from aligner.align import AlignParams
    from aligner.api import align_file, align_files, align_loaded, align_pair, align_text
    from aligner.batch import align_many
    from aligner.scoring import Scores, evaluate


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'aligner' has no attribute {name!r}")


__all__ = [
    "AlignParams",
    "AlignerError",
    "Alignment",
    "Scores",
    "align_file",
    "align_files",
    "align_loaded",
    "align_many",
    "align_pair",
    "align_text",
    "evaluate",
    "Bead",
    "Document",
    "InputError",
    "Paragraph",
    "Sentence",
    "SetAside",
    "UsageError",
    "__version__",
]
