"""aligner: sentence-align bilingual Chinese/English documents.

Pipeline: load → split → align → export. See README.md.
"""

from __future__ import annotations

from aligner.errors import AlignerError, InputError, UsageError
from aligner.model import Alignment, Bead, Document, Paragraph, SetAside, Sentence

__version__ = "0.1.0"

__all__ = [
    "AlignerError",
    "Alignment",
    "Bead",
    "Document",
    "InputError",
    "Paragraph",
    "Sentence",
    "SetAside",
    "UsageError",
    "__version__",
]
