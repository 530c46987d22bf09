"""Speed and memory benchmark: whole processes, this aligner beside the peers.

Each system aligns the pre-split gold documents in a fresh Python process
(start-up, imports and dictionary loading included). The parent measures
the wall time; the child reports its peak resident memory; the beads are
scored by :mod:`aligner.scoring` (the Bible verse-merged).

    python bench/speed.py                         # Bible 001 and 006, MAC-Test
    python bench/speed.py --docs bible/001 --with-nltk
    python bench/speed.py --docs bible/001,bible/006 --hunalign /path/to/hunalign

Systems: ``aligner``; ``aligner-two-pass`` (``--two-pass``); ``galechurch`` (PyPI, Rust core, O(n·m)); ``nltk``
(``nltk.translate.gale_church`` on UTF-8 byte lengths, pure Python, O(n·m): only with
``--with-nltk``, and not on documents over 10,000 sentences a side, where it
runs out of time and memory); ``hunalign`` (Varga et al., 2005), only with
``--hunalign PATH``.

hunalign is not shipped, built or fetched by this project: it is run only
from a binary the user passes with ``--hunalign PATH``. Without it, a
``hunalign`` named in ``--systems`` is listed as not run. It reads the
gold's ``NNN.tok.zh``/``NNN.tok.en`` (word-segmented zh; tokenised,
lemmatised, lower-cased en, as the gold's source prepared them for it), zh
as its source (first) file, with ``-onebyteencoding`` (its length score is
a raw ratio; on UTF-8 byte lengths a Han character weighs 3, as in the
nltk set-up, while its default character counts make Chinese look a third
as long and wreck the alignment) and without ``-realign``. Its dictionary
(``--hunalign-dict``): ``cedict`` (default) is CC-CEDICT through
:func:`aligner.evidence.default_lexicon`, whose keys are Porter-stemmed:
each key is mapped back to the words of the documents' tok.en whose stem it
is, giving ``en @ zh`` lines for the zh words of the tok.zh (only these
documents' vocabulary, so the file stays small); ``null`` is an empty file
(sentence lengths, plus tokens written alike on both sides such as
numbers; without ``-realign`` hunalign builds no dictionary of its own). The
parent writes the dictionary before the clock starts; a small Python
wrapper child runs hunalign once per document and reports the peak RSS of
the hunalign process (``RUSAGE_CHILDREN``, not the wrapper's own); the
ladder's rungs become beads ``[zh ids]:[en ids]``, 1-0 and 0-1 included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
DEFAULT_DOCS = "bible/001,bible/006,mac"
NLTK_LIMIT = 10_000
#: hunalign's flags besides the files (see the module docstring): numeric
#: ladder output (no ``-text``, ``-bisent`` or ``-cautious``, no thresholds,
#: so every rung is printed), byte lengths, no ``-realign``.
HUNALIGN_FLAGS = ("-onebyteencoding",)
HUNALIGN_DICTS = ("cedict", "null")


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


def ladder_to_beads(text: str, n_zh: int, n_en: int) -> list[tuple[list[int], list[int]]]:
    """hunalign's ladder (rungs ``zh_pos<TAB>en_pos<TAB>score``, from ``0 0`` to
    the two sentence counts) → beads: the sentences between consecutive rungs."""
    rungs = [tuple(map(int, line.split("\t")[:2])) for line in text.splitlines() if line.strip()]
    if not rungs or rungs[0] != (0, 0) or rungs[-1] != (n_zh, n_en):
        raise SystemExit(f"hunalign ladder does not run from (0, 0) to ({n_zh}, {n_en}): {rungs[:1]}…{rungs[-1:]}")
    beads = []
    for (a, b), (c, d) in zip(rungs, rungs[1:]):
        if c < a or d < b:
            raise SystemExit(f"hunalign ladder goes backwards at ({a}, {b}) → ({c}, {d})")
        beads.append((list(range(a, c)), list(range(b, d))))
    return beads


def tok_files(doc: Path) -> tuple[Path, Path]:
    return doc.with_suffix(".tok.zh"), doc.with_suffix(".tok.en")


def write_hunalign_dictionary(docs: list[Path], path: Path, kind: str) -> None:
    """hunalign's dictionary for ``docs``: lines ``en @ zh`` (its target, here
    English, first). ``null``: empty. ``cedict``: the project's CC-CEDICT
    lexicon, its stemmed English keys mapped back to the documents' tok.en
    words (lemmas) with that stem, for the zh words of the tok.zh."""
    if kind == "null":
        path.write_text("", encoding="utf-8")
        return
    from aligner.evidence import EN_STOPWORDS, default_lexicon, stem

    lexicon = default_lexicon()
    zh_words: set[str] = set()
    en_words: set[str] = set()
    for doc in docs:
        zh_path, en_path = tok_files(doc)
        zh_words.update(zh_path.read_text(encoding="utf-8").split())
        en_words.update(en_path.read_text(encoding="utf-8").split())
    by_stem: dict[str, set[str]] = {}
    for word in en_words:
        if word.isalpha() and word not in EN_STOPWORDS:
            by_stem.setdefault(stem(word), set()).add(word)
    pairs = {(en, zh) for zh in zh_words for key in lexicon.translate(zh) for en in by_stem.get(key, ())}
    path.write_text("".join(f"{en} @ {zh}\n" for en, zh in sorted(pairs)), encoding="utf-8")


def child(system: str, docs: list[Path], out: Path, hunalign: Path | None = None, dictionary: Path | None = None) -> None:
    lines = []
    for doc in docs:
        zh, en = read_lines(doc.with_suffix(".zh")), read_lines(doc.with_suffix(".en"))
        if system in ("aligner", "aligner-two-pass"):
            import aligner
            from aligner.align import AlignParams

            params = AlignParams(adapt=system == "aligner-two-pass")
            alignment = aligner.align_pair("\n".join(zh), "\n".join(en), presplit=True, params=params)
            beads = [(b.zh, b.en) for b in alignment.beads]
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
        elif system == "hunalign":
            if hunalign is None or dictionary is None:
                raise SystemExit("hunalign needs --hunalign PATH and a dictionary")
            zh_path, en_path = tok_files(doc)
            # zh is hunalign's source (first file), so its ladder reads zh, en
            # run in the temporary folder: hunalign leaves a translate.txt in its working directory
            proc = subprocess.run(
                [str(hunalign), *HUNALIGN_FLAGS, str(dictionary), str(zh_path.resolve()), str(en_path.resolve())],
                capture_output=True,
                text=True,
                cwd=out.parent,
            )
            if proc.returncode != 0:
                raise SystemExit(f"hunalign exited {proc.returncode}: {(proc.stderr.strip().splitlines() or [''])[-1]}")
            beads = ladder_to_beads(proc.stdout, len(read_lines(zh_path)), len(read_lines(en_path)))
            text = "".join(f"[{','.join(map(str, a))}]:[{','.join(map(str, b))}]\n" for a, b in beads)
        else:
            raise SystemExit(f"unknown system {system}")
        lines.append(json.dumps({"doc": str(doc), "beads": text}))
    out.write_text("\n".join(lines), encoding="utf-8")
    # hunalign: the peak of its own processes (the largest one), not this wrapper's
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 if system == "hunalign" else own_peak_mb()
    print(json.dumps({"maxrss_mb": peak}))


def own_peak_mb() -> float:
    """Peak resident memory of this process image, in MB. Linux's VmHWM
    starts afresh at exec; ``ru_maxrss`` does not: it keeps the parent's
    resident size at the fork, so a child of a large parent looks large."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- the parent -------------------------------------------------------------


def run(system: str, docs: list[Path], hunalign: Path | None = None, hunalign_dict: str = "cedict") -> dict:
    from aligner.scoring import Scores, evaluate, parse_gold

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "beads.jsonl"
        extra: list[str] = []
        if system == "hunalign":
            # written before the clock starts; hunalign's reading of it is timed
            dictionary = Path(tmp) / f"{hunalign_dict}.dic"
            write_hunalign_dictionary(docs, dictionary, hunalign_dict)
            extra = ["--hunalign", str(hunalign), "--hunalign-dictionary-file", str(dictionary)]
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", system, "--out", str(out), *extra, *map(str, docs)],
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
    parser.add_argument("--systems", default="aligner,aligner-two-pass,galechurch", help="comma-separated (aligner, aligner-two-pass, galechurch, nltk, hunalign)")
    parser.add_argument("--with-nltk", action="store_true", help="also run nltk's Gale-Church (slow)")
    parser.add_argument(
        "--hunalign", type=Path, metavar="PATH", help="a hunalign binary you built yourself: also run it (it is not shipped)"
    )
    parser.add_argument(
        "--hunalign-dict", choices=HUNALIGN_DICTS, default="cedict", help="hunalign's dictionary (default: cedict)"
    )
    parser.add_argument("--hunalign-dictionary-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.paths, args.out, args.hunalign, args.hunalign_dictionary_file)
        return 0
    if not args.gold.is_dir():
        print(f"speed benchmark skipped: gold folder {args.gold} not found (it lives in ../shared/gold)")
        return 0
    systems = [s for s in args.systems.split(",") if s] + (["nltk"] if args.with_nltk else [])
    if args.hunalign and "hunalign" not in systems:
        systems.append("hunalign")
    # a bare name is looked up on PATH
    hunalign = Path(shutil.which(args.hunalign) or args.hunalign).resolve() if args.hunalign else None
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
            if system == "hunalign":
                reason = None
                if hunalign is None:
                    reason = "not run: pass --hunalign PATH"
                elif not (hunalign.is_file() and os.access(hunalign, os.X_OK)):
                    reason = f"not run: {hunalign} is not an executable file"
                elif not all(p.exists() for d in docs for p in tok_files(d)):
                    reason = "not run: no NNN.tok.zh/NNN.tok.en"
                if reason:
                    rows.append({"system": system, "error": [reason]})
                    continue
            rows.append(run(system, docs, hunalign, args.hunalign_dict))
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
