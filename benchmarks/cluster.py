"""Throughput of `claimline batch` on a Dask cluster against local worker processes.

    python benchmarks/cluster.py [DATA.jsonl] [--articles 504] [--model NAME] [--skip-warm]

The corpus is the one of `throughput.py` (the attribution dev set repeated to --articles texts,
in a temporary folder). Every figure is the wall time of a whole `claimline batch` process:
  (c) `--jobs 2`: two local worker processes (model loaded in each),
  (d) `--scheduler local:2`: a Dask LocalCluster of two single-threaded worker processes, started
      by the command (cluster start and model load in each worker included),
  (e) `--scheduler ADDRESS` against a cluster already running (`dask scheduler` and
      `dask worker --nworkers 2 --nthreads 1` with the worker settings of the README) whose
      workers have the model loaded: the steady state of a long-lived cluster.
Start-up overhead: the same commands on a single short article, where start-up is nearly all.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from throughput import (
    DEFAULT_DATA,
    claimline_command,
    ensure_bytecode,
    load_average,
    load_texts,
    small_article,
    timed,
)

# The worker settings the README gives for workers started with `dask worker` (claimline.dask.WORKER_CONFIG)
WORKER_CONFIG_YAML = """
distributed:
  nanny:
    pre-spawn-environ:
      MALLOC_TRIM_THRESHOLD_: null
  worker:
    profile:
      enabled: false
"""


def start_cluster(scratch: Path) -> tuple[str, list[subprocess.Popen[bytes]]]:
    """`dask scheduler` and `dask worker ADDRESS --nworkers 2 --nthreads 1`; the scheduler's address."""
    dask = str(Path(sys.executable).parent / "dask")
    info = scratch / "scheduler.json"
    config = scratch / "dask-config"
    config.mkdir()
    (config / "claimline.yaml").write_text(WORKER_CONFIG_YAML, encoding="utf-8")
    environment = {**os.environ, "DASK_CONFIG": str(config)}
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": environment}
    command = [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--scheduler-file", str(info)]
    scheduler = subprocess.Popen([*command, "--no-dashboard"], **quiet)
    deadline = time.monotonic() + 60
    while not info.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    address = str(json.loads(info.read_text(encoding="utf-8"))["address"])
    command = [dask, "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"]
    return address, [subprocess.Popen(command, **quiet), scheduler]


WARM_UP = """
import sys
from distributed import Client
from claimline.pipeline import load_pipeline
with Client(sys.argv[1]) as client:
    client.wait_for_workers(2, timeout=120)
    client.run(load_pipeline, sys.argv[2])
"""


def run(command: list[str], out: Path, expected: int) -> tuple[float, float]:
    seconds, _, cpu = timed([*command, "-o", str(out), "-q"])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == expected and all("error" not in json.loads(line) for line in lines), out
    out.unlink()
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "data", nargs="?", type=Path, default=DEFAULT_DATA, help="JSONL with a 'text' per line"
    )
    parser.add_argument("--articles", type=int, default=504, help="articles for the throughput runs")
    parser.add_argument("--model", default=None, help="spaCy pipeline [default: claimline's]")
    parser.add_argument("--skip-warm", action="store_true", help="skip (e), the already running cluster")
    args = parser.parse_args()

    from claimline.pipeline import model_name

    model = ["--model", model_name(args.model)]
    claimline = claimline_command()
    print(f"{args.articles} articles from {args.data.name}; load average at start: {load_average()}")
    print(ensure_bytecode())
    with tempfile.TemporaryDirectory(prefix="claimline-cluster-") as scratch_name:
        scratch = Path(scratch_name)
        folder, single = scratch / "articles", scratch / "single"
        folder.mkdir()
        single.mkdir()
        texts = load_texts(args.data, args.articles)
        for n, text in enumerate(texts):
            (folder / f"{n:05}.txt").write_text(text, encoding="utf-8")
        (single / "one.txt").write_text(small_article(1), encoding="utf-8")
        words = sum(len(text.split()) for text in texts)
        print(f"{words:,} words ({words / len(texts):.0f} per article)\n")

        engines = {"c": ["--jobs", "2"], "d": ["--scheduler", "local:2"]}
        start = {
            key: run([*claimline, "batch", str(single), *how, *model], scratch / "o", 1)[0]
            for key, how in engines.items()
        }
        rates = {}
        for key, how in engines.items():
            seconds, cpu = run([*claimline, "batch", str(folder), *how, *model], scratch / "o", len(texts))
            rates[key] = words / seconds
            label = f"({key}) claimline batch {' '.join(how)}"
            print(f"{label:<42} {seconds:7.1f} s  {rates[key]:8,.0f} words/s  (cpu {cpu:.1f} s)")
        print(f"d/c = {rates['d'] / rates['c']:.2f}   (target >= 0.9)")
        print(f"start-up, one short article: --jobs 2 {start['c']:.1f} s, local:2 {start['d']:.1f} s")
        overhead = start["d"] - start["c"]
        print(f"  Dask start-up overhead over local workers (cluster start, model load) {overhead:+.1f} s\n")

        if not args.skip_warm:
            address, processes = start_cluster(scratch)
            try:
                remote = [*claimline, "batch", "--scheduler", address, *model]
                warm_up, _, _ = timed([sys.executable, "-c", WARM_UP, address, model[1]])
                seconds, _ = run([*remote, str(folder)], scratch / "o", len(texts))
                rate = words / seconds
                label = "(e) claimline batch --scheduler ADDRESS"
                print(f"{label:<42} {seconds:7.1f} s  {rate:8,.0f} words/s  (cluster already running)")
                print(f"e/c = {rate / rates['c']:.2f}; workers up and model loaded in both: {warm_up:.1f} s")
            finally:
                for process in processes:
                    process.terminate()
                    process.wait(timeout=30)
    print(f"\nload average at end: {load_average()}")


if __name__ == "__main__":
    main()
