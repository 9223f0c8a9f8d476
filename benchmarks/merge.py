"""Time and peak memory of `claimline timeline` on many results, against just reading them.

    python benchmarks/merge.py [--articles 10000] [--actor NAME ...]

The results of `examples/*.txt` (and the seed) are extracted once, then repeated and perturbed into
--articles results (new ids, publication dates moved by up to a year, every tenth article's people
and organisations renamed, so that actors and events grow with the number of articles) and
written as one batch JSONL to a temporary folder outside the project. Two fresh processes then read
that file: (a) parse and validate every line as an `Article`, nothing kept; (b) `claimline
timeline`'s merge with the default actors (read twice, as the command does) and the JSON written
to a string. Each prints its wall time, CPU time and peak RSS (VmHWM).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [*sorted((ROOT / "examples").glob("*.txt")), ROOT / "seeds" / "hamas-negotiations.txt"]

# peak RSS of this process: VmHWM starts afresh at exec (ru_maxrss would inherit the parent's)
PEAK = """
def peak_kib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
"""

READ_ONLY = (
    PEAK
    + """
import sys, time
from claimline.models import Article
start = time.perf_counter()
count = 0
with open(sys.argv[1], encoding="utf-8") as stream:
    for line in stream:
        Article.model_validate_json(line)
        count += 1
elapsed = time.perf_counter() - start
print(count, elapsed, peak_kib(), time.process_time())
"""
)

MERGE = (
    PEAK
    + """
import sys, time
from pathlib import Path
from claimline.crossdoc import merge_timelines
from claimline.crossdoc.reading import iter_results
start = time.perf_counter()
merged = merge_timelines(lambda: iter_results([Path(sys.argv[1])], print), actors=sys.argv[2:] or None)
text = merged.model_dump_json(indent=2)
elapsed = time.perf_counter() - start
print(len(merged.articles), elapsed, peak_kib(), time.process_time(),
      len(merged.actors), len(merged.events), len(merged.claims))
"""
)


def base_results() -> list[dict[str, object]]:
    from claimline import Article, extract_many

    items = [(path.name, path.read_text(encoding="utf-8"), "2025-04-10") for path in INPUTS]
    return [r.model_dump(mode="json") for r in extract_many(items, jobs=1) if isinstance(r, Article)]


def perturbed(base: dict[str, object], number: int, rng: random.Random) -> str:
    from claimline.models import Article

    article = Article.model_validate(base)
    article.id = f"article-{number:05d}"
    shift = timedelta(days=rng.randint(0, 365))
    if article.source.published:
        article.source.published += shift
    for event in article.timeline:
        event.earliest = event.earliest + shift if event.earliest else None
        event.latest = event.latest + shift if event.latest else None
    if number % 10 == 0:  # new actors: the merge must keep more of them as articles grow
        for actor in article.actors:
            if actor.kind in ("person", "organization"):
                actor.name = f"{actor.name} {number // 10}"
    return article.model_dump_json()


def run(script: str, *args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    return done.stdout.split("\n")[-2].split()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--actor", action="append", default=[])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="claimline-merge-"))
    try:
        start = time.perf_counter()
        bases = base_results()
        rng = random.Random(13)
        path = folder / "results.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for number in range(args.articles):
                stream.write(perturbed(bases[number % len(bases)], number, rng) + "\n")
        size = path.stat().st_size / 2**20
        print(f"{args.articles} results, {size:.0f} MiB, written in {time.perf_counter() - start:.1f} s")
        count, seconds, rss, cpu = run(READ_ONLY, str(path))
        peak = int(rss) / 1024
        print(
            f"(a) read and validate only: {count} articles in {float(seconds):.1f} s "
            f"(CPU {float(cpu):.1f} s), peak RSS {peak:.0f} MiB"
        )
        count, seconds, rss, cpu, actors, events, claims = run(MERGE, str(path), *args.actor)
        peak = int(rss) / 1024
        print(
            f"(b) merge_timelines: {count} articles in {float(seconds):.1f} s (CPU {float(cpu):.1f} s), "
            f"peak RSS {peak:.0f} MiB "
            f"({actors} actors, {events} events, {claims} claims kept)"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
