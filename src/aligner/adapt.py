"""Document adaptation: what a first alignment pass teaches the second.

A long document says much about itself that no general model knows: how
often its translator splits or merges sentences, and which of its words
translate each other (names, archaic or technical wording the dictionary
lacks). After a first pass, two estimates are taken from its confident
beads, and the document is aligned again with them (the two-pass design of
Moore, 2002, "Fast and accurate sentence alignment of bilingual corpora",
and of hunalign's ``-realign``, Varga et al., 2005):

* :func:`shape_priors` — bead-shape probabilities, the general priors
  updated by the shapes the first pass found (a Dirichlet posterior whose
  pseudo-counts are the general priors times ``strength``), so a short
  document keeps nearly the general priors and a long one speaks for itself;
* :func:`induce_links` — word translations: Chinese tokens (by their
  evidence key sets) and English keys that IBM Model 1, fitted to the
  confident first-pass beads, says translate each other (Moore's choice
  too), with a minimum expected count so that rare coincidences never
  become evidence, and a higher one for English words the dictionary
  already knows (so that only a long document teaches ``耶和华`` → ``lord``
  or ``说`` → ``said``). Every token of a bead competes for its English
  words, so words the dictionary already pairs keep theirs and a term's
  neighbours (``cosmic`` beside ``background``) are not learned as its
  translations.

Both are pure functions of the first pass; nothing is learned across
documents.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

import numpy as np

from aligner.dp import Shape

Keys = frozenset[str]


def shape_priors(shapes: Sequence[Shape], base: Mapping[Shape, float], strength: float) -> dict[Shape, float]:
    """Posterior mean of the shape probabilities given the observed ``shapes``.

    ``base`` (probabilities) times ``strength`` are the pseudo-counts; only
    shapes of ``base`` are kept (others observed are ignored). Sums to 1.
    """
    counts = {shape: 0 for shape in base}
    for shape in shapes:
        if shape in counts:
            counts[shape] += 1
    total = sum(counts.values()) + strength * sum(base.values())
    return {shape: (counts[shape] + strength * p) / total for shape, p in base.items()}


def induce_links(
    zh: Sequence[Sequence[Keys]],
    en: Sequence[Sequence[str]],
    beads: Sequence[tuple[Sequence[int], Sequence[int]]],
    min_count: float = 3.0,
    min_probability: float = 0.3,
    iterations: int = 5,
    known: Callable[[str], bool] | None = None,
    min_count_known: float = 10.0,
    max_pairs: int = 10_000,
) -> dict[Keys, Keys]:
    """English keys that each Chinese token translates, learned from ``beads``.

    ``zh[k]`` holds the key sets of zh unit ``k``'s tokens (a token is known
    by its key set), ``en[k]`` the keys of en unit ``k``; ``beads`` are
    (zh units, en units) pairs believed right. IBM Model 1 (Brown et al.,
    1993) is fitted to them by ``iterations`` rounds of EM: each English key
    of a bead was produced by one of the bead's tokens or by none (the empty
    token), and t(key | token) is the share of the token's productions that
    are that key. A token and a key are linked when t(key | token) is at
    least ``min_probability`` and the expected number of beads in which the
    token produced the key is at least ``min_count``, or ``min_count_known``
    for keys that ``known`` says the dictionary already gives (a word it
    knows needs more evidence to gain a translation; ``math.inf``: never).
    All tokens of a bead compete, those the dictionary explains too, so a
    term's neighbours (``cosmic`` beside ``background``) do not take its
    translation. Keys a token already has are not links. A bead of more
    than ``max_pairs`` (token, key) pairs is left out: it says little about
    any one word, and its pairs grow with the square of its length (the
    beads of the Bible and of literary prose have at most 3,500).
    """
    token_ids: dict[Keys, int] = {}  # id 0 is the empty token
    key_ids: dict[str, int] = {}
    pair_tokens: list[np.ndarray] = []
    pair_keys: list[np.ndarray] = []
    sizes: list[int] = []  # tokens (with the empty one) per English key occurrence
    for zh_units, en_units in beads:
        tokens = {t for u in zh_units for t in zh[u]}
        keys = {k for u in en_units for k in en[u]}
        if not tokens or not keys or len(tokens) * len(keys) > max_pairs:
            continue
        z = np.array([0] + [token_ids.setdefault(t, len(token_ids) + 1) for t in tokens], dtype=np.int64)
        e = np.array([key_ids.setdefault(k, len(key_ids)) for k in keys], dtype=np.int64)
        pair_tokens.append(np.tile(z, len(e)))
        pair_keys.append(np.repeat(e, len(z)))
        sizes.extend([len(z)] * len(e))
    if not key_ids:
        return {}
    n_keys = len(key_ids)
    codes, pair_of = np.unique(np.concatenate(pair_tokens) * n_keys + np.concatenate(pair_keys), return_inverse=True)
    del pair_tokens, pair_keys
    token_of_code = codes // n_keys
    occurrence = np.repeat(np.arange(len(sizes), dtype=np.int32), sizes)  # pairs come grouped by key occurrence
    t = np.ones(len(codes))
    count = np.zeros(len(codes))
    for _ in range(iterations):
        p = t[pair_of]
        p /= np.bincount(occurrence, weights=p, minlength=len(sizes))[occurrence]
        count = np.bincount(pair_of, weights=p, minlength=len(codes))
        t = count / np.bincount(token_of_code, weights=count, minlength=len(token_ids) + 1)[token_of_code]
    key_of = list(key_ids)
    needed = np.array([min_count_known if known is not None and known(k) else min_count for k in key_of])
    keep = (t >= min_probability) & (count >= needed[codes % n_keys]) & (token_of_code > 0)
    token_of = [frozenset()] + list(token_ids)
    found: dict[Keys, set[str]] = {}
    for code in codes[keep].tolist():
        token, key = token_of[code // n_keys], key_of[code % n_keys]
        if key not in token:
            found.setdefault(token, set()).add(key)
    return {token: frozenset(extra) for token, extra in found.items()}


def with_links(units: Sequence[Sequence[Keys]], links: Mapping[Keys, Keys]) -> list[list[Keys]]:
    """Zh token key sets with their linked English keys added (sets shared per token)."""
    merged: dict[Keys, Keys] = {}

    def grown(token: Keys) -> Keys:
        found = merged.get(token)
        if found is None:
            extra = links.get(token)
            found = merged[token] = token | extra if extra else token
        return found

    return [[grown(t) for t in unit] for unit in units]
