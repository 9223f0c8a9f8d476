"""Byte-identity check: does a change leave claimline's JSON output unchanged on the dev sets?

    python benchmarks/identity.py --write /tmp/before.tsv       # on the old code
    python benchmarks/identity.py --check /tmp/before.tsv       # on the new code

Every article of the shared development sets (PolNeAR dev and train, MATRES/TBAQ, the SemEval-2015
TimeLine docs), the seed and `examples/*.txt` is extracted (with its publication date where the set
gives one) and dumped as claimline dumps it; the script records a SHA-256 per article and per output
section (source, sentences, actors, times, timeline, claims), so a check says which sections of which
articles changed. Digests stay outside the project (the texts belong to their publishers).

Parsing is most of the time and a refactor of claimline's stages does not change it, so the parsed
Docs of each set are kept in a cache (`--cache`, a folder outside the project; the key includes the
model and the texts): a second run only runs claimline's stages. `--no-cache` parses everything.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "dev"
SECTIONS = ("source", "sentences", "actors", "times", "timeline", "claims")
Item = tuple[str, str, str | None]


def _jsonl(path: Path, prefix: str, date_key: str) -> Iterator[Item]:
    if not path.exists():
        raise SystemExit(f"identity: {path} not found (pass --data DIR, or --sets without it)")
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            record = json.loads(line)
            key = record.get("id") or record.get("doc") or str(number)
            published = record.get(date_key)
            yield f"{prefix}/{key}", record["text"], published[:10] if published else None


def items(sets: list[str], shared: Path = SHARED) -> Iterator[Item]:
    if "examples" in sets:
        for path in [ROOT / "seeds" / "hamas-negotiations.txt", *sorted((ROOT / "examples").glob("*.txt"))]:
            yield f"examples/{path.name}", path.read_text(encoding="utf-8"), None
    sources = {
        "polnear-dev": (shared / "attribution" / "polnear-dev.jsonl", "publication_date"),
        "polnear-train": (shared / "attribution" / "polnear-train.jsonl", "publication_date"),
        "matres": (shared / "ordering" / "matres-tbaq.jsonl", "dct"),
        "timeline": (shared / "timeline" / "semeval2015-trial-docs.jsonl", "dct"),
    }
    for name, (path, date_key) in sources.items():
        if name in sets:
            yield from _jsonl(path, name, date_key)


def digests(
    sets: list[str], cache: Path | None, shared: Path = SHARED
) -> Iterator[tuple[str, dict[str, str]]]:
    from claimline.errors import ClaimlineError
    from claimline.evaluation.scoring import parse_cached
    from claimline.pipeline import build_article, load_pipeline, prepare

    nlp = load_pipeline()
    for name in sets:
        batch = list(items([name], shared))
        parsed = parse_cached([text for _, text, _ in batch], cache)
        for (key, text, published), doc in zip(batch, parsed, strict=True):
            try:
                article = build_article(doc, prepare(text, published=published, name=key), nlp)
            except ClaimlineError as error:
                yield key, {"error": type(error).__name__}
                continue
            dumped = article.model_dump(mode="json")
            row = {section: _sha(dumped[section]) for section in SECTIONS}
            row["all"] = hashlib.sha256(article.model_dump_json().encode()).hexdigest()[:16]
            yield key, row


def _sha(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="record the digests of the current code")
    action.add_argument("--check", type=Path, help="compare the current code with recorded digests")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "claimline-identity",
        help="folder for the parsed Docs (default: claimline-identity in the temporary folder)",
    )
    parser.add_argument("--no-cache", action="store_true", help="parse every text again")
    parser.add_argument(
        "--data", type=Path, default=SHARED, help="the dev data (default: shared/dev beside the project)"
    )
    parser.add_argument(
        "--sets",
        default="examples,polnear-dev,polnear-train,matres,timeline",
        help="comma-separated: examples, polnear-dev, polnear-train, matres, timeline",
    )
    args = parser.parse_args()
    sets = args.sets.split(",")
    cache = None if args.no_cache else args.cache
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for key, row in digests(sets, cache, args.data):
                out.write(key + "\t" + json.dumps(row, sort_keys=True) + "\n")
        return 0
    recorded = {}
    for line in args.check.read_text(encoding="utf-8").splitlines():
        key, row = line.split("\t", 1)
        recorded[key] = json.loads(row)
    changed: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    total = same = 0
    for key, row in digests(sets, cache, args.data):
        if key not in recorded:
            continue
        total += 1
        before = recorded[key]
        if before == row:
            same += 1
            continue
        for section in sorted(set(before) | set(row)):
            if before.get(section) != row.get(section) and section != "all":
                changed[section] += 1
                examples.setdefault(section, []).append(key)
    print(f"{same} of {total} articles byte-identical")
    for section, count in changed.most_common():
        print(f"  {section}: {count} articles differ, e.g. {', '.join(examples[section][:3])}")
    return 0 if same == total and total else 1


if __name__ == "__main__":
    sys.exit(main())
