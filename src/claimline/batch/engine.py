"""The engine under `extract_many` and `run_batch`: one `Outcome` per input, in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import TYPE_CHECKING

from claimline.batch.items import BATCH_SIZE, BatchItem, ItemLike, Published, _as_item
from claimline.batch.work import Outcome, _extract_chunk, _read, _Task
from claimline.batch.workers import Slot, _isolate, _merge, _Pool
from claimline.errors import UsageError
from claimline.models import Article, Failure

if TYPE_CHECKING:
    from spacy.language import Language


def iter_outcomes(
    items: Iterable[BatchItem],
    *,
    jobs: int = 1,
    published: Published = None,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    start_method: str | None = None,
    as_json: bool = False,
    window: int | None = None,
) -> Iterator[Outcome]:
    """The engine under `extract_many` and `run_batch`: one `Outcome` per item, in input order.

    Items are read `batch_size` at a time; at most `window` chunks (default 2 per job) are in
    flight, so memory does not depend on the number of inputs.
    """
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, not {jobs}")
    if batch_size < 1:
        raise UsageError(f"batch size must be at least 1, not {batch_size}")
    # Each item's `output` travels beside its entry, never to the workers.
    tagged = ((_read(item, published), item.output) for item in items)
    chunks = _chunks_pairs(tagged, batch_size)
    if jobs == 1:
        yield from _in_process(chunks, model, batch_size, as_json)
        return
    pool = _Pool(jobs, model, batch_size, start_method)
    clean = False
    try:
        yield from _in_pool(chunks, pool, window if window is not None else 2 * jobs, as_json)
        clean = True
    finally:
        pool.close(wait=clean)


# A chunk's entries (read inputs and inputs already failed), their `output`s, and its results
# (a worker's future, or already there).
_Flight = tuple[list[_Task | Outcome], list[str | None], Slot]
_Pairs = list[tuple[_Task | Outcome, str | None]]


def _tasks(chunk: list[_Task | Outcome]) -> list[_Task]:
    return [entry for entry in chunk if isinstance(entry, _Task)]


def _tag(chunk: list[_Task | Outcome], done: list[Outcome], outs: list[str | None]) -> list[Outcome]:
    """The chunk's outcomes in input order, each with its item's `output`."""
    merged = _merge(chunk, done)
    for outcome, output in zip(merged, outs, strict=True):
        outcome.output = output
    return merged


def _in_process(
    chunks: Iterator[_Pairs], model: str | None, batch_size: int, as_json: bool
) -> Iterator[Outcome]:
    """`jobs == 1`: extract in this process, loading the model only once an input needs it."""
    nlp: Language | None = None
    for pairs in chunks:
        chunk = [entry for entry, _ in pairs]
        tasks = _tasks(chunk)
        done: list[Outcome] = []
        if tasks:
            if nlp is None:
                from claimline.pipeline import load_pipeline

                nlp = load_pipeline(model)
            done = _extract_chunk(nlp, tasks, batch_size, as_json)
        yield from _tag(chunk, done, [output for _, output in pairs])


def _fill(in_flight: deque[_Flight], chunks: Iterator[_Pairs], pool: _Pool, limit: int) -> bool:
    """Submit chunks until `limit` are in flight; True once there are no more."""
    while len(in_flight) < limit:
        upcoming = next(chunks, None)
        if upcoming is None:
            return True
        chunk = [entry for entry, _ in upcoming]
        tasks = _tasks(chunk)
        slot: Slot = pool.submit(tasks) if tasks else []
        in_flight.append((chunk, [output for _, output in upcoming], slot))
    return False


def _redo_after_crash(
    pool: _Pool, in_flight: deque[_Flight], chunk: list[_Task | Outcome], outs: list[str | None]
) -> None:
    """Every chunk still in flight died with the pool: redo them, isolating the culprit."""
    pool.restart()
    redo = [(chunk, outs)] + [(c, o) for c, o, _ in in_flight]
    in_flight.clear()
    for redo_chunk, redo_outs in redo:
        in_flight.append((redo_chunk, redo_outs, _isolate(pool, _tasks(redo_chunk))))


def _in_pool(chunks: Iterator[_Pairs], pool: _Pool, limit: int, as_json: bool) -> Iterator[Outcome]:
    """`jobs > 1`: at most `limit` chunks in the worker processes; results yielded in input order."""
    in_flight: deque[_Flight] = deque()
    exhausted = False
    while True:
        if not exhausted:
            exhausted = _fill(in_flight, chunks, pool, limit)
        if not in_flight:
            break
        chunk, outs, slot = in_flight.popleft()
        if isinstance(slot, list):
            done = slot
        else:
            try:
                done = slot.result()
            except BrokenProcessPool:
                _redo_after_crash(pool, in_flight, chunk, outs)
                continue
        merged = _tag(chunk, done, outs)
        if not as_json:
            for outcome in merged:
                outcome.payload = outcome.result()
        yield from merged


def _chunks_pairs(pairs: Iterator[tuple[_Task | Outcome, str | None]], size: int) -> Iterator[_Pairs]:
    chunk: _Pairs = []
    for pair in pairs:
        chunk.append(pair)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_many(
    items: Iterable[ItemLike],
    *,
    jobs: int = 1,
    published: date | str | None = None,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    start_method: str | None = None,
) -> Iterator[Article | Failure]:
    """Extract many articles, streaming: one `Article` (with `id`) or `Failure` per item, in order.

    `items` are `(id, text)` or `(id, text, published)` tuples or `BatchItem`s (text may be
    `bytes`, decoded like a file, or a `BatchItem` may name a `path`). `published` is the default
    publication date. `jobs > 1` spreads the work over that many worker processes (each loads the
    model once; `start_method` defaults to forkserver, else spawn: scripts that call this with
    jobs > 1 need the usual `if __name__ == "__main__":` guard). Items are consumed lazily.
    """
    for outcome in iter_outcomes(
        (_as_item(item) for item in items),
        jobs=jobs,
        published=published,
        model=model,
        batch_size=batch_size,
        start_method=start_method,
    ):
        yield outcome.result()
