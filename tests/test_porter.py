"""The Porter stemmer on the examples of Porter (1980), final stems."""

from __future__ import annotations

import pytest

from aligner.porter import porter_stem

# (word, stem) from the paper's examples, each carried through all five steps.
PAPER = """caresses caress ponies poni ties ti caress caress cats cat feed feed agreed agre
plastered plaster bled bled motoring motor sing sing conflated conflat troubled troubl sized size
hopping hop tanned tan falling fall hissing hiss fizzed fizz failing fail filing file happy happi
sky sky relational relat conditional condit rational ration valenci valenc digitizer digit
conformabli conform radicalli radic differentli differ vileli vile analogousli analog
vietnamization vietnam predication predic operator oper feudalism feudal decisiveness decis
hopefulness hope callousness callous formaliti formal sensitiviti sensit sensibiliti sensibl
triplicate triplic formative form formalize formal electriciti electr electrical electr hopeful hope
goodness good revival reviv allowance allow inference infer airliner airlin gyroscopic gyroscop
adjustable adjust defensible defens irritant irrit replacement replac adjustment adjust
dependent depend adoption adopt communism commun activate activ angulariti angular
homologous homolog effective effect bowdlerize bowdler probate probat rate rate cease ceas
controll control roll roll generalizations gener oscillators oscil""".split()


@pytest.mark.parametrize(("word", "expected"), list(zip(PAPER[::2], PAPER[1::2])))
def test_paper_examples(word: str, expected: str) -> None:
    assert porter_stem(word) == expected


@pytest.mark.parametrize("word", ["", "a", "is", "go"])
def test_short_words_stay(word: str) -> None:
    assert porter_stem(word) == word


def test_inflections_meet() -> None:
    assert len({porter_stem(w) for w in ("connect", "connected", "connecting", "connection", "connections")}) == 1
