"""claimline on a Dask cluster (the `dask` extra): `extract_bag` and the engine of `batch --scheduler`.

The extraction is the local batch's own (`claimline.batch.iter_outcomes` with one process), run
on the workers a partition at a time: reading and error classification are the same, so every
input gives exactly one result or failure, whatever runs it. Partitions are cut by text volume
(bytes of input), not by file count. Each worker process loads the spaCy pipeline once
(`claimline.pipeline.load_pipeline` caches it per process) and reuses it for every later
partition. A partition's results come back only when it is done, so when a worker dies the
scheduler runs its partitions elsewhere and nothing is counted twice; an input that kills every
worker it runs on ends as a `worker_crashed` failure, as in a local batch.

dask and distributed are imported when this module is, so only import it when you need it.
"""

from __future__ import annotations

import contextlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, TypeAlias

from claimline.batch import (
    BATCH_SIZE,
    BatchItem,
    ItemLike,
    Outcome,
    Published,
    _as_item,
    _failure,
    discover,
    iter_outcomes,
    record_item,
)
from claimline.errors import ExtraNotInstalledError, UsageError

try:
    import dask.bag
    import dask.config
    from dask import delayed
    from distributed import Client, Future, KilledWorker, LocalCluster
except ImportError as error:  # pragma: no cover - the extra is part of the test environment
    raise ExtraNotInstalledError('Dask execution needs dask: pip install "claimline[dask]"') from error

__all__ = ["PARTITION_BYTES", "WORKER_CONFIG", "DaskEngine", "connect", "extract_bag", "partitions"]

# Input bytes per partition: about a second of work for one worker with the small model (four
# 800-word articles), so that even a small batch spreads over the workers and they stay evenly
# busy to the end, while the overhead of a task (milliseconds) stays negligible.
PARTITION_BYTES = 16 * 1024
# The weight of an input whose size is unknown until it is read (a URL the listing gave no size).
TYPICAL_ARTICLE_BYTES = 5_000
# Settings for workers that run claimline (`connect` uses them for `local:N`; the README shows them
# as a config file for workers started with `dask worker`). Dask's nanny starts each worker with
# MALLOC_TRIM_THRESHOLD_=65536, so that memory goes back to the system sooner: with spaCy, whose
# parser allocates and frees arrays all the time, that cost 26-33% more CPU per article (48
# articles, two runs: 16.5 and 18.4 s of CPU in a worker against 13.1 and 13.8 s in a plain
# process; 14.3 s without it). The statistical profiler of the worker cost about 5% more.
WORKER_CONFIG: dict[str, Any] = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
}
# How long to wait for restarted workers before running the next input alone (after a crash).
SETTLE_SECONDS = 60

Input: TypeAlias = str | Path | Mapping[str, Any] | ItemLike
Form = Literal["dict", "json", "model"]


def _size(item: BatchItem) -> int:
    """An input's weight for partitioning: its length, its file's size, else a typical article's."""
    if item.failure is not None:
        return 0
    if item.text is not None:
        return len(item.text)
    if item.size is not None:
        return item.size
    if item.path is not None:
        with contextlib.suppress(OSError):
            return item.path.stat().st_size
    return TYPICAL_ARTICLE_BYTES


def partitions(
    items: Iterable[BatchItem], partition_bytes: int = PARTITION_BYTES
) -> Iterator[list[BatchItem]]:
    """Consecutive runs of `items` of at most `partition_bytes` of input each, or of one larger input."""
    if partition_bytes < 1:
        raise UsageError(f"partition size must be at least 1 byte, not {partition_bytes}")
    part: list[BatchItem] = []
    volume = 0
    for item in items:
        size = _size(item)
        if part and volume + size > partition_bytes:  # a large input starts a partition of its own
            yield part
            part, volume = [], 0
        part.append(item)
        volume += size
    if part:
        yield part


def extract_partition(
    items: list[BatchItem], published: Published, model: str | None, batch_size: int
) -> list[Outcome]:
    """Run on a worker: one `Outcome` (a JSON line) per item, with the local batch's own code."""
    return list(
        iter_outcomes(items, jobs=1, published=published, model=model, batch_size=batch_size, as_json=True)
    )


def _crashed(item: BatchItem) -> Outcome:
    message = f"{item.id}: the worker process died each time it extracted it (out of memory?)"
    failure = _failure(item.id, "worker_crashed", message)
    return Outcome(item.id, False, failure.model_dump_json(), output=item.output)


class DaskEngine:
    """Run `claimline.batch.run_batch`'s extraction on a Dask cluster (`run_batch(..., engine=...)`).

    Partitions are submitted as the inputs are read, at most `window` at a time (default: two
    per worker thread, plus two, counted again as workers come and go), and their results are
    yielded in input order.
    """

    def __init__(
        self, client: Client, *, partition_bytes: int = PARTITION_BYTES, window: int | None = None
    ) -> None:
        self.client = client
        self.partition_bytes = partition_bytes
        self.window = window

    def _settle(self, workers: int) -> None:
        with contextlib.suppress(TimeoutError, OSError):
            self.client.wait_for_workers(workers, timeout=SETTLE_SECONDS)

    def _limit(self) -> int:
        if self.window is not None:
            return self.window
        threads: dict[str, int] = self.client.nthreads()
        return 2 * max(1, sum(threads.values())) + 2

    def __call__(
        self,
        items: Iterable[BatchItem],
        *,
        jobs: int = 1,
        published: Published = None,
        model: str | None = None,
        batch_size: int = BATCH_SIZE,
        start_method: str | None = None,
        as_json: bool = False,
    ) -> Iterator[Outcome]:
        del jobs, start_method  # the cluster decides
        in_flight: deque[tuple[list[BatchItem], Future]] = deque()

        def submit(part: list[BatchItem]) -> Future:
            return self.client.submit(extract_partition, part, published, model, batch_size, pure=False)

        workers = len(self.client.scheduler_info()["workers"])

        def collect(part: list[BatchItem], future: Future) -> list[Outcome]:
            try:
                return list(future.result())
            except KilledWorker:
                # The partition killed workers again and again: find the input that does it, one
                # at a time, each once the workers are back (not on one that is still restarting).
                outcomes: list[Outcome] = []
                for item in part:
                    self._settle(workers)
                    try:
                        outcomes.extend(submit([item]).result())
                    except KilledWorker:
                        outcomes.append(_crashed(item))
                return outcomes
            finally:
                future.release()

        for part in partitions(items, self.partition_bytes):
            in_flight.append((part, submit(part)))
            while len(in_flight) >= self._limit():
                yield from _form(collect(*in_flight.popleft()), as_json)
        while in_flight:
            yield from _form(collect(*in_flight.popleft()), as_json)


def _form(outcomes: list[Outcome], as_json: bool) -> list[Outcome]:
    if not as_json:
        for outcome in outcomes:
            outcome.payload = outcome.result()
    return outcomes


# --------------------------------------------------------------------------- the Python API


def _items(inputs: Iterable[Input], glob: str, recursive: bool) -> Iterator[BatchItem]:
    for number, entry in enumerate(inputs, start=1):
        if isinstance(entry, (str, Path)):
            yield from discover([str(entry)], glob=glob, recursive=recursive)
        elif isinstance(entry, Mapping):
            yield record_item(dict(entry), f"record:{number}", f"record {number}")
        else:
            yield _as_item(entry)


def _converter(form: Form) -> Callable[[Outcome], Any]:
    if form == "json":
        return Outcome.json
    if form == "model":
        return Outcome.result
    return lambda outcome: json.loads(outcome.json())


def _partition_results(
    items: list[BatchItem], published: Published, model: str | None, batch_size: int, form: Form
) -> list[Any]:
    convert = _converter(form)
    return [convert(outcome) for outcome in extract_partition(items, published, model, batch_size)]


def extract_bag(
    inputs: Iterable[Input],
    *,
    published: Published = None,
    model: str | None = None,
    glob: str = "*",
    recursive: bool = False,
    partition_bytes: int = PARTITION_BYTES,
    batch_size: int = BATCH_SIZE,
    form: Form = "dict",
) -> dask.bag.Bag:
    """A Dask bag of results: one per input, in input order, failures included.

    `inputs` are paths (files or folders, read by the workers), fsspec URLs (`s3://bucket/*.txt`),
    records `{"id", "text", "published"?}`, or `(id, text[, published])` tuples. Each result is a
    dict (the `claimline batch` line as JSON data), or with `form="json"` that line itself, or with
    `form="model"` the `Article` / `Failure`. Ids are not de-duplicated here (`claimline batch` is).
    """
    from claimline.pipeline import parse_date

    day = parse_date(published) if published is not None else None
    parts = list(partitions(_items(inputs, glob, recursive), partition_bytes))
    run = delayed(_partition_results, pure=False)
    return dask.bag.from_delayed([run(part, day, model, batch_size, form) for part in parts])


# --------------------------------------------------------------------------- the scheduler


@contextlib.contextmanager
def connect(scheduler: str) -> Iterator[Client]:
    """A client for `--scheduler`: `local:N` starts a LocalCluster of N single-threaded worker
    processes (closed on exit; its HTTP server on a free port, so that two runs never clash);
    anything else is a scheduler address (`tcp://host:8786`)."""
    if scheduler.startswith("local:"):
        count = scheduler.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"--scheduler local:N needs a number of workers N >= 1, not {count!r}")
        with (
            dask.config.set(WORKER_CONFIG),
            LocalCluster(
                n_workers=int(count), threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler!r} ({error})") from error
    with client:
        yield client
