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
  evidence key sets) and English keys that, where nothing else in a
  first-pass bead explains them, occur together far more than chance (Dice
  coefficient over beads, with a minimum joint count so that rare
  coincidences never become evidence). Words the dictionary already pairs
  inside a bead are set aside first, so a term's neighbours (``cosmic``
  beside ``background``) are not learned as its translations.

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
    min_count: int = 3,
    min_dice: float = 0.3,
    learnable: Callable[[str], bool] | None = None,
) -> dict[Keys, Keys]:
    """English keys that each Chinese token translates, learned from ``beads``.

    ``zh[k]`` holds the key sets of zh unit ``k``'s tokens (a token is known
    by its key set), ``en[k]`` the keys of en unit ``k``; ``beads`` are
    (zh units, en units) pairs believed right. Within a bead, only the
    *unexplained* words count: tokens none of whose keys is among the
    bead's English keys, and English keys no token of the bead has. A token
    and a key are linked when they are unexplained together in at least
    ``min_count`` beads and their Dice coefficient
    ``2·joint / (beads with the token + beads with the key)`` (both
    unexplained) is at least ``min_dice``. ``learnable`` restricts the
    English keys that may be learned (for instance to those no dictionary
    gloss gives).
    """
    token_ids: dict[Keys, int] = {}
    key_ids: dict[str, int] = {}
    zh_bags: list[np.ndarray] = []
    en_bags: list[np.ndarray] = []
    for zh_units, en_units in beads:
        tokens = {t for u in zh_units for t in zh[u]}
        keys = {k for u in en_units for k in en[u]}
        known = set().union(*tokens) if tokens else set()
        zh_bags.append(np.array([token_ids.setdefault(t, len(token_ids)) for t in tokens if t.isdisjoint(keys)], dtype=np.int64))
        en_bags.append(
            np.array(
                [key_ids.setdefault(k, len(key_ids)) for k in keys if k not in known and (learnable is None or learnable(k))],
                dtype=np.int64,
            )
        )
    if not token_ids or not key_ids:
        return {}
    zh_df = np.bincount(np.concatenate(zh_bags), minlength=len(token_ids))
    en_df = np.bincount(np.concatenate(en_bags), minlength=len(key_ids))
    # Only items seen often enough can meet min_count times: drop the rest
    # before pairing, which keeps the pair list small.
    zh_ok, en_ok = zh_df >= min_count, en_df >= min_count
    pairs = []
    for z, e in zip(zh_bags, en_bags):
        z, e = z[zh_ok[z]], e[en_ok[e]]
        if len(z) and len(e):
            pairs.append((z[:, None] * len(key_ids) + e[None, :]).ravel())
    if not pairs:
        return {}
    codes, joint = np.unique(np.concatenate(pairs), return_counts=True)
    z_of, e_of = codes // len(key_ids), codes % len(key_ids)
    dice = 2.0 * joint / (zh_df[z_of] + en_df[e_of])
    keep = (joint >= min_count) & (dice >= min_dice)
    token_of, key_of = list(token_ids), list(key_ids)
    found: dict[Keys, set[str]] = {}
    for z, e in zip(z_of[keep].tolist(), e_of[keep].tolist()):
        found.setdefault(token_of[z], set()).add(key_of[e])
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
