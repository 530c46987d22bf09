"""One-call library API: a document (or a pair of texts) in, an Alignment out.

    >>> import aligner
    >>> alignment = aligner.align_file("data/raw/000_6b09ea8d1725d98c.txt")
    >>> alignment.to_frame().head()          # pandas
    >>> alignment.to_tmx("out.tmx")

Each stage is importable on its own: :mod:`aligner.loader` (load),
:mod:`aligner.sentences` (split), :mod:`aligner.align` (align),
:mod:`aligner.export` (export).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Sequence

from aligner.align import AlignParams, align_document
from aligner.errors import InputError
from aligner.model import Alignment, Document, Sentence


def align_loaded(doc: Document, params: AlignParams | None = None) -> Alignment:
    """Split and align a loaded :class:`~aligner.model.Document`."""
    from aligner.sentences import split_document

    zh, en = split_document(doc)
    if not zh or not en:
        missing = "Chinese" if not zh else "English"
        raise InputError(f"{doc.source or 'input'}: no {missing} sentences to align")
    beads = align_document(doc.zh, doc.en, zh, en, params, one_source=doc.layout != "two-files")
    return Alignment(zh=zh, en=en, beads=beads, set_aside=list(doc.set_aside), source=doc.source, layout=doc.layout)


def align_text(text: str, params: AlignParams | None = None, source: str | None = None) -> Alignment:
    """Align a bilingual text in which Chinese and English are mixed."""
    from aligner.loader import load_text

    return align_loaded(load_text(text, source=source), params)


def align_file(
    path: str | Path,
    encoding: str | None = None,
    errors: str = "strict",
    params: AlignParams | None = None,
) -> Alignment:
    """Align one mixed Chinese/English file (encoding detected unless given)."""
    from aligner.loader import load_file

    return align_loaded(load_file(path, encoding=encoding, errors=errors), params)


def align_pair(
    zh_text: str | Sequence[str],
    en_text: str | Sequence[str],
    presplit: bool = False,
    params: AlignParams | None = None,
    source: str | None = None,
) -> Alignment:
    """Align a Chinese text with its English translation.

    Each non-blank line is a paragraph; with ``presplit=True`` each non-blank
    line is one sentence, taken unchanged, and bead ids are the 0-based
    positions of those lines among the non-blank lines. A list of strings
    (a pandas column, say) is taken as those lines; missing values (None,
    NaN) are blank lines, and each sentence's ``line`` is its item's position.
    """
    if not isinstance(zh_text, str):
        zh_text = "\n".join(_one_line(t) for t in zh_text)
    if not isinstance(en_text, str):
        en_text = "\n".join(_one_line(t) for t in en_text)
    if presplit:
        zh = _presplit(zh_text, "zh")
        en = _presplit(en_text, "en")
        if not zh or not en:
            raise InputError(f"{source or 'input'}: the {'Chinese' if not zh else 'English'} side has no lines")
        from aligner.align import align_sentences
        from aligner.loader import check_sides

        check_sides(zh_text, en_text, source or "input")

        beads = align_sentences(zh, en, params)
        return Alignment(zh=zh, en=en, beads=beads, source=source, layout="presplit")
    from aligner.loader import load_pair_text

    doc = load_pair_text(zh_text, en_text)
    return align_loaded(replace(doc, source=source or doc.source), params)


def align_files(
    zh_path: str | Path,
    en_path: str | Path,
    presplit: bool = False,
    encoding: str | None = None,
    errors: str = "strict",
    params: AlignParams | None = None,
) -> Alignment:
    """Align two single-language files (see :func:`align_pair`)."""
    from aligner.loader import load_pair, read_text

    if not presplit:
        return align_loaded(load_pair(zh_path, en_path, encoding=encoding, errors=errors), params)
    zh_text = read_text(zh_path, encoding=encoding, errors=errors)
    en_text = read_text(en_path, encoding=encoding, errors=errors)
    return align_pair(zh_text, en_text, presplit=True, params=params, source=f"{zh_path} + {en_path}")


def _one_line(text: object) -> str:
    """An item of a list of lines, kept on one line (its line breaks become
    spaces); a missing value (None, NaN) is a blank line."""
    if text is None or (isinstance(text, float) and text != text):
        return ""
    return " ".join(str(text).splitlines())


def _presplit(text: str, lang: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line_no, line in enumerate(text.split("\n")):
        if line.strip():
            sentences.append(Sentence(text=line.strip(), lang=lang, index=len(sentences), paragraph=0, line=line_no))  # type: ignore[arg-type]
    return sentences


