"""Speed and memory benchmark: whole processes, this aligner beside the peers.

Each system aligns the pre-split gold documents in a fresh Python process
(start-up, imports and dictionary loading included). The parent measures
the wall time; the child reports its peak resident memory; the beads are
scored by :mod:`aligner.evaluate` (the Bible verse-merged).

    python bench/speed.py                         # Bible 001 and 006, MAC-Test
    python bench/speed.py --docs bible/001 --with-nltk

Systems: ``aligner``; ``galechurch`` (PyPI, Rust core, O(n·m)); ``nltk``
(``nltk.translate.gale_church`` on UTF-8 byte lengths, pure Python, O(n·m): only with
``--with-nltk``, and not on documents over 10,000 sentences a side, where it
runs out of time and memory). hunalign is not run: it would have to be
built from its source, which this project does not ship or script.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
DEFAULT_DOCS = "bible/001,bible/006,mac"
NLTK_LIMIT = 10_000


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def docs_of(gold: Path, spec: str) -> list[Path]:
    """``bible/001`` → that document; ``mac`` → every document of the set."""
    target = gold / spec
    if target.is_dir():
        return sorted(p.with_suffix("") for p in target.glob("*.gold"))
    return [target]


# --- the child: align and report ------------------------------------------


def links_to_beads(pairs: list[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """Sentence links (i, j), in order, grouped into beads: a link starts a new
    bead unless it shares its zh or its en sentence with the previous one."""
    beads: list[tuple[list[int], list[int]]] = []
    for i, j in pairs:
        if beads and (i in beads[-1][0] or j in beads[-1][1]):
            if i not in beads[-1][0]:
                beads[-1][0].append(i)
            if j not in beads[-1][1]:
                beads[-1][1].append(j)
        else:
            beads.append(([i], [j]))
    return beads



def child(system: str, docs: list[Path], out: Path) -> None:
    lines = []
    for doc in docs:
        zh, en = read_lines(doc.with_suffix(".zh")), read_lines(doc.with_suffix(".en"))
        if system == "aligner":
            import aligner

            beads = [(b.zh, b.en) for b in aligner.align_pair("\n".join(zh), "\n".join(en), presplit=True).beads]
            text = "".join(f"[{','.join(map(str, a))}]:[{','.join(map(str, b))}]\n" for a, b in beads)
        elif system == "galechurch":
            import galechurch

            # its defaults (character lengths, ratio 1); the cell limit raised
            # so that it runs on long documents at all
            result = galechurch.align(zh, en, max_block_size=(len(zh) + 1) * (len(en) + 1))
            text = "\n".join(result.to_pharaoh_lines()) + "\n"
        elif system == "nltk":
            import nltk.translate.gale_church as gale_church
            from nltk.translate.gale_church import align_blocks

            # nltk refuses long texts by default; these are trusted inputs.
            gale_church.MAX_ALIGN_BLOCKS = max(getattr(gale_church, "MAX_ALIGN_BLOCKS", 0), NLTK_LIMIT)
            # UTF-8 byte lengths, as classic Gale-Church set-ups for Chinese use
            # (a Chinese character is 3 bytes, so the ratio 1 default fits).
            pairs = align_blocks([len(s.encode("utf-8")) for s in zh], [len(s.encode("utf-8")) for s in en])
            text = "".join(f"[{','.join(map(str, a))}]:[{','.join(map(str, b))}]\n" for a, b in links_to_beads(pairs))
        else:
            raise SystemExit(f"unknown system {system}")
        lines.append(json.dumps({"doc": str(doc), "beads": text}))
    out.write_text("\n".join(lines), encoding="utf-8")
    print(json.dumps({"maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


# --- the parent -------------------------------------------------------------


def run(system: str, docs: list[Path]) -> dict:
    from aligner.evaluate import Scores, evaluate, parse_gold

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "beads.jsonl"
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", system, "--out", str(out), *map(str, docs)],
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        if proc.returncode != 0:
            return {"system": system, "error": proc.stderr.strip().splitlines()[-1:] or ["failed"]}
        rss = json.loads(proc.stdout.strip().splitlines()[-1])["maxrss_mb"]
        scores = []
        for line in out.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            doc = Path(record["doc"])
            verses = None
            if doc.with_suffix(".verse.zh").exists():
                verses = (read_lines(doc.with_suffix(".verse.zh")), read_lines(doc.with_suffix(".verse.en")))
            scores.append(evaluate(parse_gold(record["beads"]), doc.with_suffix(".gold"), *(verses or (None, None))))
        total = Scores.combine(scores)
    return {"system": system, "seconds": seconds, "rss_mb": rss, "strict_f1": total.strict_f1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=Path(os.environ.get("ALIGNER_SHARED", DEFAULT_GOLD.parent)) / "gold")
    parser.add_argument("--docs", default=DEFAULT_DOCS, help=f"comma-separated documents or sets (default: {DEFAULT_DOCS})")
    parser.add_argument("--systems", default="aligner,galechurch", help="comma-separated (aligner, galechurch, nltk)")
    parser.add_argument("--with-nltk", action="store_true", help="also run nltk's Gale-Church (slow)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.paths, args.out)
        return 0
    if not args.gold.is_dir():
        print(f"speed benchmark skipped: gold folder {args.gold} not found (it lives in ../shared/gold)")
        return 0
    systems = [s for s in args.systems.split(",") if s] + (["nltk"] if args.with_nltk else [])
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; date {date.today()}\n")
    print("| documents | system | wall seconds | peak RSS (MB) | strict F1 | aligner time / this |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for spec in args.docs.split(","):
        docs = docs_of(args.gold, spec)
        size = max(len(read_lines(d.with_suffix(".zh"))) for d in docs)
        rows = []
        for system in systems:
            if system == "nltk" and size > NLTK_LIMIT:
                rows.append({"system": system, "error": [f"not run: O(n·m) over {size} sentences"]})
                continue
            rows.append(run(system, docs))
            print(f"  {spec}: {rows[-1]}", file=sys.stderr)
        ours = next((r for r in rows if r["system"] == "aligner" and "seconds" in r), None)
        for r in rows:
            if "error" in r:
                print(f"| {spec} | {r['system']} | – | – | – | {r['error'][0]} |")
                continue
            ratio = f"{ours['seconds'] / r['seconds']:.2f}" if ours else ""
            print(f"| {spec} | {r['system']} | {r['seconds']:.1f} | {r['rss_mb']:.0f} | {r['strict_f1']:.3f} | {ratio} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
