"""Throughput, cold start, --help time and peak memory of `claimline batch`.

    python benchmarks/throughput.py [DATA.jsonl] [--articles 504] [--model NAME] [--skip-rss]

DATA is a JSONL file with a "text" per line (default: the attribution dev set,
../shared/dev/attribution/polnear-dev.jsonl beside the project root); its texts are repeated
until there are --articles of them and written to a temporary folder (outside the project).

Every figure is wall-clock time of a fresh process, start to exit, so the three throughputs
compare like with like (each includes interpreter start and model load):
  (a) raw `nlp.pipe` over the same files with the same model and batch size,
  (b) `claimline batch --jobs 1`, (c) `claimline batch --jobs 2`.
words = whitespace-separated words of the input texts, the same count for (a), (b) and (c).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "dev" / "attribution" / "polnear-dev.jsonl"
SEED = ROOT / "seeds" / "hamas-negotiations.txt"

RAW_PIPE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[1])
paths = sorted(Path(sys.argv[2]).iterdir())
texts = (p.read_text(encoding="utf-8") for p in paths)
count = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])))
assert count == len(paths), count
"""


def claimline_command() -> list[str]:
    script = Path(sys.executable).parent / "claimline"
    return [str(script)] if script.exists() else [sys.executable, "-m", "claimline.cli"]


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tree_cpu(root: int, seen: dict[int, float]) -> None:
    """Record the CPU seconds so far of `root` and all its descendants (Linux /proc)."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    family = {root}
    grew = True
    while grew:
        grew = False
        for pid, (parent, _) in stats.items():
            if parent in family and pid not in family:
                family.add(pid)
                grew = True
    for pid in family:
        if pid in stats:
            seen[pid] = max(seen.get(pid, 0.0), stats[pid][1])


def timed(command: list[str], *, stdin: Path | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (KiB) and CPU seconds of one run of a process; fails loudly on error.

    Peak RSS is the process's own. CPU seconds are those of the whole process tree (the
    forkserver and the workers of --jobs 2 included), sampled from /proc every 0.1 s.
    """
    with open(stdin or os.devnull, "rb") as source, tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=source, stdout=subprocess.DEVNULL, stderr=errors)
        seen: dict[int, float] = {}
        sampling = Path("/proc/self/stat").exists()
        status = None
        while status is None:
            if sampling:
                _tree_cpu(process.pid, seen)
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid == 0:
                status = None
                time.sleep(0.1)
        elapsed = time.perf_counter() - started
        process.returncode = code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace")
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(command)}\n{message}")
    # wait4 counts the process and the children it reaped; the samples also see the workers,
    # which the forkserver reaps: whichever is larger has seen the whole tree.
    return elapsed, usage.ru_maxrss, max(usage.ru_utime + usage.ru_stime, sum(seen.values()))


def median_time(command: list[str], runs: int) -> float:
    return statistics.median(timed(command)[0] for _ in range(runs))


def paired_medians(first: list[str], second: list[str], runs: int) -> tuple[float, float]:
    """Median wall times of two commands run alternately, so that a change of load hits both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for command, seen in zip((first, second), times, strict=True):
            seen.append(timed(command)[0])
    return statistics.median(times[0]), statistics.median(times[1])


def ensure_bytecode() -> str:
    """Compile claimline's modules to bytecode, as a regular (non-editable) pip install does.

    An editable install leaves them as source; where PYTHONDONTWRITEBYTECODE is set, as on CI
    and development machines here, every process would compile them again (about 0.1 s), which
    an installed claimline never pays after its first run.
    """
    import compileall

    import claimline

    package = Path(claimline.__file__).parent
    compiled = compileall.compile_dir(package, quiet=1)
    return f"claimline bytecode compiled in {package.name}/ ({'ok' if compiled else 'FAILED'})"


def load_texts(path: Path, count: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
    if not texts:
        raise SystemExit(f"{path}: no texts")
    return list(itertools.islice(itertools.cycle(texts), count))


def small_article(n: int) -> str:
    return (
        f"Council approves budget {n}\n\n"
        f"The city council approved budget number {n} on Tuesday, the mayor said. "
        f"Opposition members said the plan would cut {n % 90 + 10} jobs, according to a statement.\n"
    )


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "data", nargs="?", type=Path, default=DEFAULT_DATA, help="JSONL with a 'text' per line"
    )
    parser.add_argument("--articles", type=int, default=504, help="articles for the throughput runs")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: claimline's]")
    parser.add_argument("--runs", type=int, default=5, help="runs for the cold start and --help medians")
    parser.add_argument("--rss-sizes", default="1000,10000", help="small-article counts for peak RSS")
    parser.add_argument("--skip-rss", action="store_true", help="skip the peak memory runs")
    args = parser.parse_args()

    from claimline.batch import BATCH_SIZE
    from claimline.pipeline import model_name

    model = model_name(args.model)
    claimline = claimline_command()
    env_model = ["--model", model]
    print(f"model {model}, batch size {BATCH_SIZE}, {args.articles} articles from {args.data.name}")
    print(f"load average at start: {load_average()}")
    print(ensure_bytecode())

    with tempfile.TemporaryDirectory(prefix="claimline-bench-") as scratch:
        folder = Path(scratch) / "articles"
        folder.mkdir()
        texts = load_texts(args.data, args.articles)
        for n, text in enumerate(texts):
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")
        words = sum(len(text.split()) for text in texts)
        print(f"{words:,} words ({words / len(texts):.0f} per article)\n")

        raw, _, raw_cpu = timed([sys.executable, "-c", RAW_PIPE, model, str(folder), str(BATCH_SIZE)])
        rates = {"a": words / raw}
        cpu_rates = {"a": words / raw_cpu}
        print(f"(a) raw nlp.pipe            {raw:7.1f} s  {rates['a']:8,.0f} words/s  (cpu {raw_cpu:.1f} s)")
        for key, jobs in (("b", 1), ("c", 2)):
            out = Path(scratch) / f"jobs{jobs}.jsonl"
            seconds, _, cpu = timed(
                [*claimline, "batch", str(folder), "-o", str(out), "-q", "--jobs", str(jobs), *env_model]
            )
            lines = out.read_text(encoding="utf-8").splitlines()
            assert len(lines) == len(texts) and all("error" not in json.loads(line) for line in lines[:5])
            rates[key] = words / seconds
            cpu_rates[key] = words / cpu
            label = f"({key}) claimline batch --jobs {jobs}"
            print(f"{label} {seconds:7.1f} s  {rates[key]:8,.0f} words/s  (cpu {cpu:.1f} s)")
        print(f"b/a = {rates['b'] / rates['a']:.2f}   (target >= 0.8)")
        print(f"b/a by CPU time = {cpu_rates['b'] / cpu_rates['a']:.2f}   (insensitive to other load)")
        print(f"c/b = {rates['c'] / rates['b']:.2f}   (target >= 1.7 on two cores)")
        print(
            f"cpu (c) / cpu (b) = {cpu_rates['b'] / cpu_rates['c']:.2f}   (work added by the parallel run)\n"
        )

        bare, cold = paired_medians(
            [sys.executable, "-c", f"import spacy; spacy.load({model!r})"],
            [*claimline, "extract", str(SEED), *env_model],
            args.runs,
        )
        print(f"cold start: claimline extract seed {cold:.2f} s, bare spacy.load {bare:.2f} s")
        print(f"  ratio {cold / bare:.2f}   (target <= 1.3; medians of {args.runs}, run alternately)")
        help_time = median_time([*claimline, "--help"], max(args.runs, 5))
        print(f"claimline --help {help_time:.3f} s   (target < 0.3)\n")

        if not args.skip_rss:
            for size in (int(s) for s in args.rss_sizes.split(",") if s.strip()):
                source = Path(scratch) / f"small-{size}.jsonl"
                with source.open("w", encoding="utf-8") as stream:
                    for n in range(size):
                        stream.write(json.dumps({"id": f"s{n}", "text": small_article(n)}) + "\n")
                out = Path(scratch) / f"small-{size}-out.jsonl"
                command = [*claimline, "batch", "-", "-o", str(out), "-q", "--jobs", "1", *env_model]
                seconds, peak, _ = timed(command, stdin=source)
                produced = sum(1 for _ in out.open(encoding="utf-8"))
                assert produced == size, produced
                print(
                    f"peak RSS, {size:>6,} small articles, --jobs 1: {peak / 1024:6.0f} MiB ({seconds:.1f} s)"
                )
    print(f"\nload average at end: {load_average()}")


if __name__ == "__main__":
    main()
