"""claimline on Dask: the same lines as a local batch, one per input even when a worker dies."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimline.batch import BatchItem, discover
from claimline.cli import app
from claimline.models import ErrorInfo, Failure
from tests.test_batch import PUBLISHED, article

pytest.importorskip("distributed")
pytest.importorskip("fsspec")

import dask
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from claimline.dask import WORKER_CONFIG, DaskEngine, extract_bag, partitions

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two single-threaded worker processes (as `--scheduler local:2`), the model loaded in each.

    A task may lose one worker and be retried; a second loss marks it bad (KilledWorker), so the
    isolation of an input that kills every worker stays quick.
    """
    with (
        dask.config.set({**WORKER_CONFIG, "distributed.scheduler.allowed-failures": 1}),
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as client,
    ):
        client.run(_load_model)
        yield client


def _load_model() -> None:
    from claimline.pipeline import load_pipeline

    load_pipeline()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(14):
        (folder / f"{n:02}.txt").write_text(article(n) * (1 + n % 3), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return folder


def sorted_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    return sorted(text.splitlines(), key=lambda line: json.loads(line)["id"])


def test_scheduler_gives_the_same_lines_as_local_jobs_2(client: Client, corpus: Path, tmp_path: Path) -> None:
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    args = ["batch", str(corpus), "--published", PUBLISHED, "-q"]
    first = runner.invoke(app, [*args, "-o", str(local), "--jobs", "2"])
    address = client.scheduler.address
    second = runner.invoke(app, [*args, "-o", str(remote), "--scheduler", address])
    assert first.exit_code == second.exit_code == 4, second.stderr
    assert "14 done, 2 failed, 0 skipped" in second.stderr
    assert sorted_lines(remote) == sorted_lines(local)  # byte for byte, line by line
    resumed = runner.invoke(
        app, [*args, "-o", str(remote), "--scheduler", client.scheduler.address, "--resume"]
    )
    assert resumed.exit_code == 4 and "0 done, 2 failed, 14 skipped" in resumed.stderr
    assert sorted_lines(remote) == sorted_lines(local)


def test_partitions_are_cut_by_text_volume(tmp_path: Path) -> None:
    items = [BatchItem(id=str(n), text="x" * size) for n, size in enumerate([10, 10, 30, 5, 5, 5, 100, 1])]
    cut = [[item.id for item in part] for part in partitions(items, partition_bytes=20)]
    assert cut == [["0", "1"], ["2"], ["3", "4", "5"], ["6"], ["7"]]
    (tmp_path / "f.txt").write_text("x" * 15, encoding="utf-8")
    weighed = [
        BatchItem(id="listed", url="memory://a.txt", size=15),  # the size a URL listing gave
        BatchItem(id="file", path=tmp_path / "f.txt"),  # a file's size on disk
        BatchItem(id="failed", failure=Failure(id="failed", error=ErrorInfo(code="empty", message="m"))),
        BatchItem(id="unknown", url="memory://b.txt"),  # unknown: a typical article, alone
    ]
    cut = [[item.id for item in part] for part in partitions(weighed, partition_bytes=20)]
    assert cut == [["listed"], ["file", "failed"], ["unknown"]]


def test_extract_bag_records_tuples_and_file_urls(client: Client, corpus: Path) -> None:
    inputs: list[Any] = [
        {"id": "r1", "text": article(1), "published": PUBLISHED},
        {"id": "r2", "text": 42},
        ("t1", article(2)),
        (corpus / "03.txt").as_uri(),  # file:// URL, read by the worker
        (corpus / "missing.txt").as_uri(),
    ]
    bag = extract_bag(inputs, published=PUBLISHED, partition_bytes=300)
    assert bag.npartitions >= 2
    results = bag.compute()
    assert [r["id"] for r in results] == ["r1", "r2", "t1", inputs[3], inputs[4]]
    assert results[1]["error"]["code"] == "bad_input"
    assert results[4]["error"]["code"] == "not_found"
    assert results[3]["source"]["name"] == inputs[3]
    local = json.loads(runner.invoke(app, ["batch", "-", "-j", "1"], input=json.dumps(inputs[0])).stdout)
    assert results[0]["claims"] == local["claims"]  # the same extraction as a local batch
    lines = extract_bag([("a", article(5))], form="json").compute()
    assert json.loads(lines[0])["id"] == "a"


def test_a_worker_killed_mid_run_still_gives_every_input_once(client: Client) -> None:
    pids: dict[str, int] = client.run(os.getpid)
    items = [BatchItem(id=f"k{n:02}", text=article(n) * 2) for n in range(30)]
    engine = DaskEngine(client, partition_bytes=1200)
    outcomes = engine(iter(items), published=PUBLISHED, as_json=True)
    seen = [next(outcomes).id]
    deadline = time.monotonic() + 30
    busy: list[str] = []
    while not busy and time.monotonic() < deadline:
        busy = [address for address, tasks in client.processing().items() if tasks and address in pids]
    assert busy, "no partition left in flight to interrupt"
    os.kill(pids[busy[0]], signal.SIGKILL)
    seen += [outcome.id for outcome in outcomes]
    assert sorted(seen) == [item.id for item in items]  # each exactly once, none lost
    client.wait_for_workers(2, timeout=60)


def test_memory_url_inputs_in_a_local_batch() -> None:
    import fsspec

    fs = fsspec.filesystem("memory")
    fs.pipe("/claimline-test/in/a.txt", article(1).encode())
    fs.pipe("/claimline-test/in/b.txt", b"")
    fs.pipe("/claimline-test/in/.hidden.txt", b"never read")
    try:
        ids = [item.id for item in discover(["memory://claimline-test/in"])]
        assert ids == ["memory:///claimline-test/in/a.txt", "memory:///claimline-test/in/b.txt"]
        result = runner.invoke(app, ["batch", "memory://claimline-test/in/*.txt", "-j", "1"])
        assert result.exit_code == 4, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["id"] for r in records] == ids
        assert records[0]["source"]["chars"] == len(article(1))
        assert records[1]["error"]["code"] == "empty"
    finally:
        fs.rm("/claimline-test", recursive=True)


def test_scheduler_usage_errors(corpus: Path) -> None:
    for bad in ("local:0", "local:two"):
        result = runner.invoke(app, ["batch", str(corpus), "--scheduler", bad])
        assert result.exit_code == 2 and "local:N" in result.stderr
    both = runner.invoke(app, ["batch", str(corpus), "--scheduler", "local:1", "--jobs", "2"])
    assert both.exit_code == 2 and "--jobs" in both.stderr


def test_local_cluster_with_parquet_tables(tmp_path: Path) -> None:
    """What the README shows: `batch DIR --scheduler local:N --format parquet --out-dir OUT`."""
    from claimline.tables import articles_from_tables, read_tables
    from claimline.views.loading import iter_results

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(article(1), encoding="utf-8")
    (folder / "b.txt").write_text(article(2), encoding="utf-8")
    out = tmp_path / "out"
    command = ["batch", str(folder), "--scheduler", "local:1", "--format", "parquet", "--out-dir", str(out)]
    result = runner.invoke(app, command)
    assert result.exit_code == 0, result.stderr
    assert "2 done, 0 failed" in result.stderr
    rebuilt = articles_from_tables(read_tables(out))
    assert [r.model_dump() for r in rebuilt] == [r.model_dump() for r in iter_results(out / "results.jsonl")]
    assert [r.id for r in rebuilt] == [f"{folder.as_posix()}/a.txt", f"{folder.as_posix()}/b.txt"]


class CrashOnMarker(WorkerPlugin):
    """Makes every worker, restarted ones too, die (as an out-of-memory kill would) on "CRASH"."""

    name = "claimline-test-crash-on-marker"

    def setup(self, worker: Any) -> None:
        import claimline.pipeline

        real = claimline.pipeline.build_article

        def fragile(doc: Any, prepared: Any, nlp: Any) -> Any:
            if "CRASH" in prepared.text:
                os._exit(1)
            return real(doc, prepared, nlp)

        self.real = real
        claimline.pipeline.build_article = fragile

    def teardown(self, worker: Any) -> None:
        import claimline.pipeline

        claimline.pipeline.build_article = self.real


def test_an_input_that_kills_every_worker_is_one_worker_crashed_failure(client: Client) -> None:
    items = [BatchItem(id=f"c{n}", text=article(n) + (" CRASH" if n == 1 else "")) for n in range(3)]
    client.register_plugin(CrashOnMarker())
    try:
        outcomes = list(DaskEngine(client, partition_bytes=10_000)(iter(items), as_json=True))
    finally:
        client.unregister_worker_plugin(CrashOnMarker.name)
    assert [outcome.id for outcome in outcomes] == ["c0", "c1", "c2"]
    failed = {
        outcome.id: json.loads(outcome.json())["error"]["code"] for outcome in outcomes if not outcome.ok
    }
    assert failed == {"c1": "worker_crashed"}


def test_without_the_dask_extra_the_install_is_named(monkeypatch: pytest.MonkeyPatch, corpus: Path) -> None:
    import sys

    monkeypatch.delitem(sys.modules, "claimline.dask")
    for name in ("distributed", "fsspec", "fsspec.core"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed: importing it fails
    scheduler = runner.invoke(app, ["batch", str(corpus), "--scheduler", "local:1"])
    assert scheduler.exit_code == 3 and 'pip install "claimline[dask]"' in scheduler.stderr
    url = runner.invoke(app, ["batch", (corpus / "01.txt").as_uri(), "-j", "1"])
    assert url.exit_code == 3 and 'pip install "claimline[dask]"' in url.stderr
