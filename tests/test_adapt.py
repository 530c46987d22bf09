"""Document adaptation: shape priors and word links learned from a first pass."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

import aligner
from aligner.adapt import induce_links, shape_priors, with_links
from aligner.align import AlignParams, sentence_sides
from aligner.api import _presplit
from aligner.evidence import default_lexicon, en_keys, zh_keys

BASE = {(1, 1): 0.8, (2, 1): 0.1, (1, 0): 0.1}


@pytest.mark.parametrize(
    ("observed", "strength", "expected"),
    [
        ([], 10.0, BASE),
        ([(1, 1)] * 10, 10.0, {(1, 1): 0.9, (2, 1): 0.05, (1, 0): 0.05}),
        ([(2, 1)] * 90 + [(1, 1)] * 10, 0.0, {(1, 1): 0.1, (2, 1): 0.9, (1, 0): 0.0}),
        ([(3, 3)] * 5, 10.0, BASE),  # shapes the aligner does not use are ignored
    ],
)
def test_shape_priors_are_the_dirichlet_posterior_mean(observed, strength, expected) -> None:
    priors = shape_priors(observed, BASE, strength)
    assert priors.keys() == BASE.keys()
    assert math.isclose(sum(priors.values()), 1.0)
    for shape, p in expected.items():
        assert priors[shape] == pytest.approx(p)


def test_a_long_document_moves_its_priors_more_than_a_short_one() -> None:
    short = shape_priors([(2, 1)] * 10 + [(1, 1)] * 10, BASE, 1000.0)
    long = shape_priors([(2, 1)] * 1000 + [(1, 1)] * 1000, BASE, 1000.0)
    assert BASE[(2, 1)] < short[(2, 1)] < long[(2, 1)] < 0.5


# A transliterated name the dictionary does not know (一个虚构的名字 "Zorvan"
# written 佐尔凡), in sentences whose other words the dictionary explains.
ZH = [
    "佐尔凡走进了城市。",
    "佐尔凡买了一本书。",
    "我们在河边看见了佐尔凡。",
    "他的妻子很高兴。",
    "佐尔凡吃了米饭。",
]
EN = [
    "Zorvan walked into the city.",
    "Zorvan bought a book.",
    "We saw Zorvan by the river.",
    "His wife was very happy.",
    "Zorvan ate rice.",
]

# Three invented names, each in the same twelve sentences: the names are
# the only words the dictionary cannot explain, and every other word
# occurs with all three of them.
NAMES = [("佐尔凡", "Zorvan"), ("奎萨", "Quessa"), ("莫达林", "Modarin")]
FRAMES = [
    ("{}走进了城市。", "{} walked into the city."),
    ("{}买了一本书。", "{} bought a book."),
    ("{}在河边坐着。", "{} sat by the river."),
    ("{}吃了米饭。", "{} ate rice."),
    ("{}喜欢音乐。", "{} likes music."),
    ("{}写了一封信。", "{} wrote a letter."),
    ("{}打开了窗户。", "{} opened the window."),
    ("{}很高兴。", "{} was very happy."),
    ("{}回家了。", "{} went home."),
    ("{}喝了茶。", "{} drank tea."),
    ("{}在学校工作。", "{} works at the school."),
    ("{}认识一个医生。", "{} knows a doctor."),
]
NAMED_ZH = [zh.format(name) for name, _ in NAMES for zh, _ in FRAMES]
NAMED_EN = [en.format(name) for _, name in NAMES for _, en in FRAMES]
BEADS = [((k,), (k,)) for k in range(len(NAMED_ZH))]


def _keys() -> tuple[list, list]:
    lexicon = default_lexicon()
    return [zh_keys(t, lexicon) for t in NAMED_ZH], [en_keys(t, lexicon) for t in NAMED_EN]


@pytest.mark.parametrize("unknown_only", [True, False])
def test_recurring_unknown_names_are_learned_and_known_words_are_not(unknown_only: bool) -> None:
    zh, en = _keys()
    lexicon = default_lexicon()
    known = lexicon.knows_english if unknown_only else None
    links = induce_links(zh, en, BEADS, known=known, min_count_known=math.inf)
    learned = {key for extra in links.values() for key in extra}
    # every other English word of these beads is a gloss of the dictionary
    # (and would be produced by its own token even where it may be learned)
    assert learned == {"zorvan", "quessa", "modarin"}
    # each name is carried by tokens of its own Chinese sentences only
    for k, (name, english) in enumerate(NAMES):
        own = {t for u in zh[k * len(FRAMES) : (k + 1) * len(FRAMES)] for t in u}
        carriers = {t for t, extra in links.items() if english.lower() in extra}
        assert carriers and carriers <= own


def test_links_need_min_count_beads() -> None:
    zh, en = _keys()
    # each name is in twelve beads, its count shared by several tokens
    assert induce_links(zh, en, BEADS, min_count=12) == {}
    assert induce_links(zh, en, BEADS[:2], min_probability=0.0) == {}
    assert induce_links(zh, en, BEADS, min_probability=1.01) == {}


def test_with_links_adds_keys_and_keeps_other_tokens() -> None:
    zh, en = _keys()
    links = induce_links(zh, en, BEADS)
    assert links
    grown = with_links(zh, links)
    assert [len(u) for u in grown] == [len(u) for u in zh]
    for old_unit, new_unit in zip(zh, grown):
        for old, new in zip(old_unit, new_unit):
            assert old <= new and (new == old or old in links)


def test_the_second_pass_keeps_every_sentence_once_and_can_be_turned_off() -> None:
    # 120 pairs: enough beads for the second pass to run.
    zh_lines = [ZH[k % len(ZH)] for k in range(120)]
    en_lines = [EN[k % len(EN)] for k in range(120)]
    for adapt in (True, False):
        params = replace(AlignParams(), adapt=adapt)
        alignment = aligner.align_pair("\n".join(zh_lines), "\n".join(en_lines), presplit=True, params=params)
        assert [i for b in alignment.beads for i in b.zh] == list(range(120))
        assert [j for b in alignment.beads for j in b.en] == list(range(120))
        assert all(len(b.zh) == 1 and len(b.en) == 1 for b in alignment.beads)


def test_sentence_sides_keys_feed_induction() -> None:
    params = AlignParams()
    zh_side, en_side = sentence_sides(_presplit("\n".join(NAMED_ZH), "zh"), _presplit("\n".join(NAMED_EN), "en"), params)
    assert zh_side.keys is not None and en_side.keys is not None
    links = induce_links(zh_side.keys, en_side.keys, BEADS)
    assert any("zorvan" in extra for extra in links.values())


@pytest.mark.parametrize("two_pass", [False, True])
def test_two_pass_option_runs_the_second_pass(two_pass: bool, tmp_path, monkeypatch, capsys) -> None:
    import aligner.align as align_module
    from aligner.cli import main

    calls: list[bool] = []
    real = align_module._adapted

    def spy(zh, en, beads, params):  # type: ignore[no-untyped-def]
        calls.append(params.adapt)
        return real(zh, en, beads, params)

    monkeypatch.setattr(align_module, "_adapted", spy)
    (tmp_path / "a.zh").write_text("\n".join(ZH * 24) + "\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("\n".join(EN * 24) + "\n", encoding="utf-8")
    args = ["align", "--zh", str(tmp_path / "a.zh"), "--en", str(tmp_path / "a.en"), "--presplit", "-o", str(tmp_path / "out"), "-q"]
    assert main(args + (["--two-pass"] if two_pass else [])) == 0
    assert calls == [two_pass]
    assert (tmp_path / "out" / "a.tsv").read_text(encoding="utf-8").count("\n") == 121  # header + 120 beads


def _said_corpus(n: int) -> tuple[list, list, list]:
    """``n`` beads in which a token glossed "say" stands beside the English
    past ``said`` (a word the dictionary knows, not as that token's gloss),
    each with one other word pair that explains itself."""
    say = frozenset({"sai", "speak"})
    zh = [[say, frozenset({f"w{k}"})] for k in range(n)]
    en = [["said", f"w{k}"] for k in range(n)]
    return zh, en, [((k,), (k,)) for k in range(n)]


@pytest.mark.parametrize(("beads", "linked"), [(30, True), (8, False)])
def test_a_known_word_needs_more_evidence_than_an_unknown_one(beads: int, linked: bool) -> None:
    zh, en, pairs = _said_corpus(beads)
    say = zh[0][0]
    known = {"said"}.__contains__
    as_known = induce_links(zh, en, pairs, known=known, min_count=3, min_count_known=10)
    as_unknown = induce_links(zh, en, pairs, known=None, min_count=3)
    assert ("said" in as_known.get(say, frozenset())) is linked
    assert "said" in as_unknown[say]  # the same evidence is enough for a word the dictionary lacks
    assert induce_links(zh, en, pairs, known=known, min_count_known=math.inf).get(say) is None


def test_a_huge_bead_is_left_out_of_the_learning() -> None:
    zh, en = _keys()
    huge_zh = [[frozenset({f"z{k}"}) for k in range(200)]]
    huge_en = [[f"e{k}" for k in range(200)]]  # 40,000 pairs
    links = induce_links(zh + huge_zh, en + huge_en, BEADS + [((len(zh),), (len(en),))], min_count=0.0, min_probability=0.0)
    learned = {key for extra in links.values() for key in extra}
    assert "zorvan" in learned and not any(key.startswith("e") and key[1:].isdigit() for key in learned)
