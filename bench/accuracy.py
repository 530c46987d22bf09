"""Accuracy benchmark: this aligner beside the peers, on the same gold, by the same scorer.

Aligns the pre-split gold documents of ``../shared/gold/{mac_dev,mac,bible}``
with this aligner and scores them, together with the stored outputs of the
peer aligners (``*/peers/SYSTEM/NNN.align``), with :mod:`aligner.scoring`
(strict and lax P/R/F1, micro-averaged over a set's documents; the Bible
verse-merged first). Prints one table; ``--markdown`` prints it ready for
``docs/benchmarks.md``. Exits 0 with a message when the gold is absent.

    python bench/accuracy.py                 # all sets
    python bench/accuracy.py --sets mac_dev  # the tuning set only
    python bench/accuracy.py --sets bible --docs 001

``mac_dev`` is the tuning set; ``mac`` and ``bible`` are test sets: their
numbers are reported, never tuned on. MAC texts are read from the gold folder
at run time and never stored in this repository.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import date
from pathlib import Path

from aligner.scoring import Scores, evaluate, read_beads

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
SETS = ("mac_dev", "mac", "bible")


def gold_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get("ALIGNER_SHARED"):
        return Path(os.environ["ALIGNER_SHARED"]) / "gold"
    return DEFAULT_GOLD


def documents(folder: Path, only: set[str] | None) -> list[str]:
    docs = sorted(p.stem for p in folder.glob("*.gold"))
    return [d for d in docs if only is None or d in only]


def verses(folder: Path, doc: str) -> tuple[list[str], list[str]] | None:
    zh, en = folder / f"{doc}.verse.zh", folder / f"{doc}.verse.en"
    if not zh.exists():
        return None
    return zh.read_text(encoding="utf-8").split("\n")[:-1], en.read_text(encoding="utf-8").split("\n")[:-1]


THRESHOLDS = (0.5, 0.7, 0.9)


def run_ours(folder: Path, docs: list[str], two_pass: bool = False) -> tuple[Scores, float, list[tuple[float, bool]]]:
    """Scores, seconds spent aligning, and (confidence, strictly right) per
    predicted bead with both sides (before any verse merging)."""
    import aligner
    from aligner.align import AlignParams

    params = AlignParams(adapt=two_pass)

    scores, seconds = [], 0.0
    judged: list[tuple[float, bool]] = []
    for doc in docs:
        zh = (folder / f"{doc}.zh").read_text(encoding="utf-8")
        en = (folder / f"{doc}.en").read_text(encoding="utf-8")
        start = time.perf_counter()
        alignment = aligner.align_pair(zh, en, presplit=True, params=params)
        seconds += time.perf_counter() - start
        pred = [(b.zh, b.en) for b in alignment.beads]
        scores.append(evaluate(pred, folder / f"{doc}.gold", *(verses(folder, doc) or (None, None))))
        if verses(folder, doc) is None:
            gold = set(read_beads(folder / f"{doc}.gold"))
            judged.extend((b.confidence, (b.zh, b.en) in gold) for b in alignment.beads if b.zh and b.en)
    return Scores.combine(scores), seconds, judged


def run_peer(folder: Path, system: str, docs: list[str]) -> Scores | None:
    scores = []
    for doc in docs:
        path = folder / "peers" / system / f"{doc}.align"
        if not path.exists():
            return None
        scores.append(evaluate(read_beads(path), folder / f"{doc}.gold", *(verses(folder, doc) or (None, None))))
    return Scores.combine(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", help="gold folder (default: ../shared/gold beside the checkout, or $ALIGNER_SHARED/gold)")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets (default: mac_dev,mac,bible)")
    parser.add_argument("--docs", help="comma-separated document ids to keep (e.g. 001,006)")
    parser.add_argument("--no-peers", action="store_true", help="score this aligner only")
    parser.add_argument("--two-pass", action="store_true", help="also score this aligner with --two-pass")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = parser.parse_args(argv)

    root = gold_dir(args.gold)
    if not root.is_dir():
        print(f"accuracy benchmark skipped: gold folder {root} not found (it lives in ../shared/gold)")
        return 0
    only = set(args.docs.split(",")) if args.docs else None
    rows: list[tuple[str, str, Scores, float | None]] = []
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        folder = root / name
        docs = documents(folder, only)
        # Bible documents are reported one by one (006 contains 001).
        groups = [[d] for d in docs] if name == "bible" else ([docs] if docs else [])
        for group in groups:
            rows.extend(score_group(folder, name, group, args.no_peers, args.two_pass))
    print_table(rows, args.markdown)
    print_confidence(args.markdown)
    return 0


CONFIDENCE_ROWS: list[tuple[str, list[tuple[float, bool]]]] = []


def print_confidence(markdown: bool) -> None:
    """What ``--min-confidence`` trades: strict precision of the beads kept
    in the TMX, and the share of beads kept (coverage)."""
    if not CONFIDENCE_ROWS:
        return
    print()
    head = ["set", "min confidence", "beads kept", "precision of kept"]
    body = []
    for label, judged in CONFIDENCE_ROWS:
        for threshold in (0.0, *THRESHOLDS):
            kept = [right for conf, right in judged if conf >= threshold]
            body.append([label, f"{threshold:.1f}", f"{len(kept) / len(judged):.3f}", f"{sum(kept) / max(len(kept), 1):.3f}"])
    if markdown:
        print("| " + " | ".join(head) + " |")
        print("| --- | ---: | ---: | ---: |")
        for row in body:
            print("| " + " | ".join(row) + " |")
    else:
        for row in [head, *body]:
            print("  ".join(cell.ljust(18) for cell in row))


def score_group(
    folder: Path, name: str, docs: list[str], no_peers: bool, two_pass: bool = False
) -> list[tuple[str, str, Scores, float | None]]:
    """Rows for one set of documents: this aligner, then each peer."""
    rows: list[tuple[str, str, Scores, float | None]] = []
    sets_label = f"{name} {docs[0]}" if name == "bible" else f"{name} ({len(docs)} docs)"
    ours, seconds, judged = run_ours(folder, docs)
    rows.append((sets_label, "aligner", ours, seconds))
    if judged:
        CONFIDENCE_ROWS.append((sets_label, judged))
    print(f"  {sets_label}: aligner strict F1 {ours.strict_f1:.3f} in {seconds:.1f} s", file=sys.stderr)
    if two_pass:
        adapted, adapted_seconds, _ = run_ours(folder, docs, two_pass=True)
        rows.append((sets_label, "aligner --two-pass", adapted, adapted_seconds))
        print(f"  {sets_label}: aligner --two-pass strict F1 {adapted.strict_f1:.3f} in {adapted_seconds:.1f} s", file=sys.stderr)
    if not no_peers and (folder / "peers").is_dir():
        for system in sorted(p.name for p in (folder / "peers").iterdir()):
            peer = run_peer(folder, system, docs)
            if peer is not None:
                rows.append((sets_label, system, peer, None))
    return rows


def print_table(rows: list[tuple[str, str, Scores, float | None]], markdown: bool) -> None:
    head = ["set", "system", "strict P", "strict R", "strict F1", "lax P", "lax R", "lax F1", "seconds"]
    body = [
        [
            label,
            system,
            *(f"{v:.3f}" for v in (s.strict_p, s.strict_r, s.strict_f1, s.lax_p, s.lax_r, s.lax_f1)),
            "" if seconds is None else f"{seconds:.1f}",
        ]
        for label, system, s, seconds in rows
    ]
    if markdown:
        print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; date {date.today()}\n")
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(" --- " if k < 2 else " ---: " for k in range(len(head))) + "|")
        for row in body:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[k]) for r in [head, *body]) for k in range(len(head))]
    for row in [head, *body]:
        print("  ".join(cell.ljust(widths[k]) if k < 2 else cell.rjust(widths[k]) for k, cell in enumerate(row)))


if __name__ == "__main__":
    sys.exit(main())
