"""Many articles at once: `extract_many` (the library API) and the machinery of `claimline batch`.

Every input yields exactly one result, in input order: an `Article` (with `id` set) or a
`Failure` whose `error.code` says why (`empty`, `binary`, `too_large`, `unreadable`,
`not_found`, `bad_input`, `extraction_failed`, `worker_crashed`, `duplicate_id`).

Inputs are streamed: at most a bounded window of chunks is read ahead, whatever the number of
inputs, so memory stays flat. With `jobs > 1` the chunks go to worker processes, each of which
loads the spaCy pipeline once and parses its chunk with `nlp.pipe` batching.

This module never prints and never exits: `run_batch` writes results to the streams or folder it
is given and returns a `BatchSummary`; progress is reported through a callback.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Any, Union

from claimline.errors import ClaimlineError, InputError, UsageError
from claimline.models import Article, ErrorInfo, Failure
from claimline.output import atomic_writer, write_atomic
from claimline.reading import MAX_INPUT_BYTES, decode, read_path

if TYPE_CHECKING:
    from rich.console import Console
    from spacy.language import Language

__all__ = [
    "BATCH_SIZE",
    "BatchItem",
    "BatchSummary",
    "ItemLike",
    "Progress",
    "count_inputs",
    "default_jobs",
    "discover",
    "extract_many",
    "progress_bar",
    "run_batch",
]

# Inputs per `nlp.pipe` batch and per chunk handed to a worker: small enough for smooth
# progress and an even spread over workers; larger batches parse no faster with this model.
BATCH_SIZE = 16

Published = date | str | None


@dataclass(frozen=True)
class BatchItem:
    """One input of a batch.

    `text` is the article (a `str`, or `bytes` decoded like a file); when it is None, `path` is
    read (lazily, when the batch gets to it). `published` overrides the batch's default date.
    `output` is the relative path of its `.json` under `--out-dir` (default: derived from `id`).
    `failure` marks an input already known to be bad (e.g. an unparsable stdin line): the batch
    yields it as is, in its place. `url` names an input read through fsspec (`claimline.remote`),
    and `size` is its length in bytes when a listing gave it (Dask partitions by text volume).
    """

    id: str
    text: str | bytes | None = None
    path: Path | None = None
    published: Published = None
    output: str | None = None
    failure: Failure | None = None
    url: str | None = None
    size: int | None = None


ItemLike = BatchItem | tuple[str, str | bytes] | tuple[str, str | bytes, Published]


def _as_item(item: ItemLike) -> BatchItem:
    if isinstance(item, BatchItem):
        return item
    if isinstance(item, tuple) and len(item) in (2, 3):
        identifier, text = item[0], item[1]
        published = item[2] if len(item) == 3 else None
        return BatchItem(id=str(identifier), text=text, published=published)
    raise TypeError(f"batch items are (id, text), (id, text, published) or BatchItem, not {item!r}")


def _failure(identifier: str, code: str, message: str) -> Failure:
    return Failure(id=identifier, error=ErrorInfo(code=code, message=message))


def text_sha256(text: str) -> str:
    """The content hash `Article.source.sha256` carries (used by `--resume`)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --------------------------------------------------------------------------- the work itself


@dataclass
class _Task:
    """An input read and decoded, ready for a worker (small and picklable)."""

    id: str
    text: str
    published: Published
    encoding: str
    warnings: list[str]


@dataclass
class Outcome:
    """One input's result: an object in-process, or its JSON line when it comes from a worker."""

    id: str
    ok: bool
    payload: Article | Failure | str
    words: int = 0
    output: str | None = None

    def json(self) -> str:
        if isinstance(self.payload, str):
            return self.payload
        return self.payload.model_dump_json()

    def result(self) -> Article | Failure:
        if isinstance(self.payload, str):
            if self.ok:
                return Article.model_validate_json(self.payload)
            return Failure.model_validate_json(self.payload)
        return self.payload


def _read(item: BatchItem, default_published: Published) -> _Task | Outcome:
    """Read and decode one item in the calling process; a bad input becomes a failed Outcome."""
    published = item.published if item.published is not None else default_published
    if item.failure is not None:
        return Outcome(item.id, False, item.failure, output=item.output)
    try:
        if isinstance(item.text, str):
            if len(item.text) > MAX_INPUT_BYTES:
                raise InputError(
                    f"{item.id}: input too large ({len(item.text):,} characters; "
                    f"the limit is {MAX_INPUT_BYTES:,})",
                    code="too_large",
                )
            return _Task(item.id, item.text, published, "utf-8", [])
        if isinstance(item.text, bytes):
            decoded = decode(item.text, item.id)
        elif item.url is not None:
            from claimline.remote import read_url

            decoded = read_url(item.url)
        elif item.path is not None:
            decoded = read_path(item.path)
        else:
            raise InputError(f"{item.id}: no text and no path", code="bad_input")
    except ClaimlineError as error:
        return Outcome(item.id, False, _failure(item.id, error.code, str(error)), output=item.output)
    return _Task(item.id, decoded.text, published, decoded.encoding, decoded.warnings)


def _error_code(error: BaseException) -> str:
    if isinstance(error, UsageError):
        return "bad_input"  # e.g. an invalid per-item publication date
    if isinstance(error, ClaimlineError):
        return error.code
    return "extraction_failed"


def _describe(identifier: str, error: BaseException) -> str:
    message = str(error) or type(error).__name__
    if isinstance(error, ClaimlineError):
        return message if message.startswith(identifier) else f"{identifier}: {message}"
    return f"{identifier}: extraction failed ({type(error).__name__}: {message})"


def _extract_chunk(nlp: Language, tasks: Sequence[_Task], batch_size: int, as_json: bool) -> list[Outcome]:
    """Extract a chunk with one `nlp.pipe` pass; errors are isolated to the input that caused them."""
    from claimline.pipeline import Prepared, build_article, parse, prepare

    results: list[Outcome | None] = [None] * len(tasks)

    def fail(i: int, error: BaseException) -> None:
        task = tasks[i]
        failure = _failure(task.id, _error_code(error), _describe(task.id, error))
        results[i] = Outcome(task.id, False, failure.model_dump_json() if as_json else failure)

    def build(i: int, doc: Any, prepared: Prepared) -> None:
        task = tasks[i]
        try:
            article = build_article(doc, prepared, nlp)
            article.id = task.id
            payload: Article | str = article.model_dump_json() if as_json else article
            results[i] = Outcome(task.id, True, payload, words=len(task.text.split()))
        except Exception as error:
            fail(i, error)

    ready: list[tuple[int, Prepared]] = []
    for i, task in enumerate(tasks):
        try:
            prepared = prepare(
                task.text,
                published=task.published,
                name=task.id,
                encoding=task.encoding,
                warnings=task.warnings,
            )
        except Exception as error:
            fail(i, error)
        else:
            ready.append((i, prepared))
    try:
        docs = parse(nlp, (prepared.text for _, prepared in ready), batch_size)
        for (i, prepared), doc in zip(ready, docs, strict=True):
            build(i, doc, prepared)
    except Exception:
        # The batch failed inside spaCy: parse what is left one by one to find the culprit.
        for i, prepared in ready:
            if results[i] is not None:
                continue
            try:
                doc = next(parse(nlp, [prepared.text], batch_size))
            except Exception as error:
                fail(i, error)
            else:
                build(i, doc, prepared)
    done: list[Outcome] = []
    for i, outcome in enumerate(results):
        if outcome is None:  # pragma: no cover - parse yields one Doc per text
            fail(i, RuntimeError("the parser returned no document"))
            outcome = results[i]
        assert outcome is not None
        done.append(outcome)
    return done


# --------------------------------------------------------------------------- worker processes

_worker_state: dict[str, Any] = {}


def _process_gone(pid: int) -> bool:
    """Whether process `pid` has ended (a zombie, killed but not yet reaped, counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # pragma: no cover - someone else's process now
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] == b"Z"
    except (OSError, IndexError):
        return False


def _watch_parent(pid: int) -> None:
    # A worker must not outlive the batch (e.g. after `kill -9`): it would hold a model in memory.
    while True:
        time.sleep(0.5)
        if _process_gone(pid):
            os._exit(1)


def _init_worker(model: str | None, batch_size: int, parent: int) -> None:
    import threading

    # Ctrl-C goes to the whole process group: let the parent decide and shut the pool down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_state["model"] = model
    _worker_state["batch_size"] = batch_size
    threading.Thread(target=_watch_parent, args=(parent,), name="claimline-watch-parent", daemon=True).start()


def _worker_chunk(tasks: list[_Task]) -> list[Outcome]:
    from claimline.pipeline import load_pipeline

    nlp = load_pipeline(_worker_state["model"])  # cached: loaded once per worker
    return _extract_chunk(nlp, tasks, _worker_state["batch_size"], as_json=True)


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_start_method() -> str:
    """`forkserver` where it exists (fork is unsafe once threads or a loaded model exist), else `spawn`."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


Slot = Union["Future[list[Outcome]]", list[Outcome]]


class _Pool:
    """A ProcessPoolExecutor that can be replaced when a worker dies."""

    def __init__(self, jobs: int, model: str | None, batch_size: int, start_method: str | None) -> None:
        self.jobs = jobs
        self.model = model
        self.batch_size = batch_size
        self.context = multiprocessing.get_context(start_method or default_start_method())
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=self.context,
            initializer=_init_worker,
            initargs=(self.model, self.batch_size, os.getpid()),
        )

    def submit(self, tasks: list[_Task]) -> Future[list[Outcome]]:
        return self.executor.submit(_worker_chunk, tasks)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self, wait: bool) -> None:
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _merge(chunk: list[_Task | Outcome], done: list[Outcome]) -> list[Outcome]:
    """Put the workers' results back between the inputs that failed before reaching them."""
    results = iter(done)
    return [entry if isinstance(entry, Outcome) else next(results) for entry in chunk]


def _isolate(pool: _Pool, tasks: list[_Task]) -> list[Outcome]:
    """After a worker died: run the chunk's inputs one at a time to find the one that kills it."""
    outcomes: list[Outcome] = []
    for task in tasks:
        try:
            outcomes.extend(pool.submit([task]).result())
        except BrokenProcessPool:
            message = f"{task.id}: the worker process died while extracting it (out of memory?)"
            outcomes.append(
                Outcome(task.id, False, _failure(task.id, "worker_crashed", message).model_dump_json())
            )
            pool.restart()
    return outcomes


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

    def tag(chunk: list[_Task | Outcome], done: list[Outcome], outs: list[str | None]) -> list[Outcome]:
        merged = _merge(chunk, done)
        for outcome, output in zip(merged, outs, strict=True):
            outcome.output = output
        return merged

    if jobs == 1:
        nlp: Language | None = None
        for pairs in _chunks_pairs(tagged, batch_size):
            chunk = [entry for entry, _ in pairs]
            tasks = [entry for entry in chunk if isinstance(entry, _Task)]
            done: list[Outcome] = []
            if tasks:
                if nlp is None:
                    from claimline.pipeline import load_pipeline

                    nlp = load_pipeline(model)
                done = _extract_chunk(nlp, tasks, batch_size, as_json)
            yield from tag(chunk, done, [output for _, output in pairs])
        return

    pool = _Pool(jobs, model, batch_size, start_method)
    limit = window if window is not None else 2 * jobs
    in_flight: deque[tuple[list[_Task | Outcome], list[str | None], Slot]] = deque()
    source = _chunks_pairs(tagged, batch_size)
    clean = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(in_flight) < limit:
                upcoming = next(source, None)
                if upcoming is None:
                    exhausted = True
                    break
                chunk = [entry for entry, _ in upcoming]
                tasks = [entry for entry in chunk if isinstance(entry, _Task)]
                slot: Slot = pool.submit(tasks) if tasks else []
                in_flight.append((chunk, [output for _, output in upcoming], slot))
            if not in_flight:
                break
            chunk, outs, slot = in_flight.popleft()
            if isinstance(slot, list):
                done = slot
            else:
                try:
                    done = slot.result()
                except BrokenProcessPool:
                    # Every chunk still in flight died with the pool: redo them, isolating the culprit.
                    pool.restart()
                    redo = [(chunk, outs)] + [(c, o) for c, o, _ in in_flight]
                    in_flight.clear()
                    for redo_chunk, redo_outs in redo:
                        tasks = [entry for entry in redo_chunk if isinstance(entry, _Task)]
                        in_flight.append((redo_chunk, redo_outs, _isolate(pool, tasks)))
                    continue
            merged = tag(chunk, done, outs)
            if not as_json:
                for outcome in merged:
                    outcome.payload = outcome.result()
            yield from merged
        clean = True
    finally:
        pool.close(wait=clean)


def _chunks_pairs(
    pairs: Iterator[tuple[_Task | Outcome, str | None]], size: int
) -> Iterator[list[tuple[_Task | Outcome, str | None]]]:
    chunk: list[tuple[_Task | Outcome, str | None]] = []
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


# --------------------------------------------------------------------------- discovering inputs


def _visible(name: str) -> bool:
    return not name.startswith(".")


def _walk(folder: Path, pattern: str, recursive: bool, skip: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """Files of `folder` matching `pattern` (on the file name), sorted, streaming.

    Hidden files and folders are skipped, and so are the paths in `skip` (the batch's own output).
    """
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    subfolders: list[Path] = []
    for entry in entries:
        if not _visible(entry.name):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if skip and path.resolve() in skip:
            continue
        if is_dir:
            if recursive:
                subfolders.append(path)
        elif fnmatch.fnmatch(entry.name, pattern):
            yield path
    for sub in subfolders:
        yield from _walk(sub, pattern, recursive, skip)


def record_item(record: object, fallback: str, where: str) -> BatchItem:
    """A batch item for a record `{"id", "text", "published"?}` (a stdin line, a dict from Python).

    A record that is not one is a failed item, with the id `fallback` when it has none.
    """
    if not isinstance(record, dict):
        message = f"{fallback}: not a JSON object"
        return BatchItem(id=fallback, failure=_failure(fallback, "bad_input", message))
    raw_id = record.get("id")
    identifier = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id) else fallback
    text = record.get("text")
    published = record.get("published")
    if not isinstance(text, str):
        message = f'{identifier}: {where} has no "text" string'
        return BatchItem(id=identifier, failure=_failure(identifier, "bad_input", message))
    if published is not None and not isinstance(published, str):
        message = f'{identifier}: "published" must be a YYYY-MM-DD string'
        return BatchItem(id=identifier, failure=_failure(identifier, "bad_input", message))
    return BatchItem(id=identifier, text=text, published=published)


def _stdin_items(stream: IO[str] | IO[bytes], name: str = "-") -> Iterator[BatchItem]:
    """JSONL on stdin: `{"id", "text", "published"?}` per line (UTF-8); a bad line is a failed item."""
    lines: Iterator[str | bytes] = iter(stream)
    for number, raw in enumerate(lines, start=1):
        fallback = f"{name}:{number}"
        if isinstance(raw, str):
            line = raw
        else:
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                message = f"{fallback}: not valid UTF-8"
                yield BatchItem(id=fallback, failure=_failure(fallback, "bad_input", message))
                continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            message = f"{fallback}: not a JSON object ({error.msg})"
            yield BatchItem(id=fallback, failure=_failure(fallback, "bad_input", message))
            continue
        yield record_item(record, fallback, f"line {number}")


def _posix(path: Path | str) -> str:
    return PurePosixPath(Path(path).as_posix()).as_posix()


def discover(
    inputs: Sequence[str],
    *,
    glob: str = "*",
    recursive: bool = False,
    stdin: IO[str] | IO[bytes] | None = None,
    exclude: Iterable[Path] = (),
) -> Iterator[BatchItem]:
    """Batch items for command-line inputs, lazily: files, folders, or `-` (JSONL on `stdin`).

    A file's id is its path as given; a file found in a folder has the id `folder/relative/path`
    and mirrors as `relative/path` under `--out-dir`. Paths in `exclude` (the output) are skipped.
    A missing input is a failed item, not an exception. A URL (`s3://...`, `file://...`) lists
    through fsspec (`claimline.remote.list_url`) and is read when the batch gets to it.
    """
    skip = frozenset(p.resolve() for p in exclude)
    for spec in inputs:
        if spec == "-":
            yield from _stdin_items(stdin if stdin is not None else sys.stdin.buffer)
            continue
        if "://" in spec:
            from claimline.remote import list_url

            for url, size in list_url(spec, glob=glob, recursive=recursive):
                yield BatchItem(id=url, url=url, output=url.split("://", 1)[1], size=size)
            continue
        path = Path(spec)
        if path.is_dir():
            for found in _walk(path, glob, recursive, skip):
                yield BatchItem(id=_posix(found), path=found, output=_posix(found.relative_to(path)))
        else:
            yield BatchItem(id=_posix(spec), path=path, output=path.name)


def count_inputs(inputs: Sequence[str], *, glob: str = "*", recursive: bool = False) -> int | None:
    """How many inputs `discover` will yield (for an ETA), or None when reading stdin."""
    if "-" in inputs:
        return None
    total = 0
    for spec in inputs:
        path = Path(spec)
        total += sum(1 for _ in _walk(path, glob, recursive)) if path.is_dir() else 1
    return total


# --------------------------------------------------------------------------- writing results


def _safe_relative(name: str) -> PurePosixPath:
    """A relative path under the output folder for an id or mirror path, never escaping it."""
    parts = [part for part in PurePosixPath(name.replace("\\", "/")).parts if part not in ("", "/", ".")]
    parts = ["__" if part == ".." else part.replace(":", "_") for part in parts]
    return PurePosixPath(*parts) if parts else PurePosixPath("_")


def out_dir_path(root: Path, outcome_id: str, output: str | None) -> Path:
    """Where an input's `.json` goes under `--out-dir`: its mirror path plus `.json`."""
    relative = _safe_relative(output or outcome_id)
    return root / Path(*relative.parts[:-1]) / (relative.parts[-1] + ".json")


def _line_record(line: str) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        return None
    return record


def _record_sha(record: dict[str, Any]) -> str | None:
    source = record.get("source")
    if isinstance(source, dict) and isinstance(source.get("sha256"), str):
        return str(source["sha256"])
    return None


@dataclass
class _Existing:
    """What a previous run left in a JSONL output: each id's article hash (failures have none)."""

    done: dict[str, str] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)
    needs_compaction: bool = False


def _scan_jsonl(path: Path) -> _Existing:
    """Read a previous run's output; cut a trailing partial line so appends start on a fresh line."""
    existing = _Existing()
    if not path.exists():
        return existing
    with path.open("rb+") as stream:
        good_end = 0
        for raw in stream:
            if not raw.endswith(b"\n"):
                break  # the last line was cut (a kill mid-write): drop it
            good_end += len(raw)
            record = _line_record(raw.decode("utf-8", "replace"))
            if record is None:
                existing.needs_compaction = True
                continue
            identifier = record["id"]
            if identifier in existing.present:
                existing.needs_compaction = True
            existing.present.add(identifier)
            sha = _record_sha(record)
            if sha is not None:
                existing.done[identifier] = sha
        stream.seek(0, os.SEEK_END)
        if stream.tell() != good_end:
            stream.truncate(good_end)
    return existing


def _compact_jsonl(path: Path) -> None:
    """Keep one line per id, the last one (a `duplicate_id` failure never replaces a real result)."""
    best: dict[str, tuple[int, bool]] = {}
    with path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream):
            record = _line_record(line)
            if record is None:
                continue
            error = record.get("error")
            duplicate = isinstance(error, dict) and error.get("code") == "duplicate_id"
            previous = best.get(record["id"])
            if previous is None or not duplicate or previous[1]:
                best[record["id"]] = (number, duplicate)
    keep = {number for number, _ in best.values()}
    with atomic_writer(path) as out, path.open(encoding="utf-8", errors="replace") as stream:
        for number, line in enumerate(stream):
            if number in keep:
                out.write(line if line.endswith("\n") else line + "\n")


def _existing_out_dir_sha(path: Path) -> str | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return _record_sha(record) if isinstance(record, dict) else None


# --------------------------------------------------------------------------- the batch run


@dataclass
class Progress:
    """Counts so far, passed to the `progress` callback after each input."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    words: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def total(self) -> int:
        return self.done + self.failed + self.skipped

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started


@dataclass(frozen=True)
class BatchSummary:
    done: int
    failed: int
    skipped: int
    words: int
    elapsed: float

    @property
    def words_per_second(self) -> float:
        return self.words / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every input succeeded (or was skipped), 4 when some failed."""
        return 4 if self.failed else 0

    def line(self) -> str:
        return (
            f"{self.done} done, {self.failed} failed, {self.skipped} skipped in {self.elapsed:.1f} s "
            f"({self.words_per_second:,.0f} words/s)"
        )


def run_batch(
    items: Iterable[BatchItem],
    *,
    output: Path | None = None,
    stdout: IO[str] | None = None,
    out_dir: Path | None = None,
    resume: bool = False,
    jobs: int = 1,
    published: Published = None,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    start_method: str | None = None,
    progress: Callable[[Progress], None] | None = None,
    engine: Callable[..., Iterator[Outcome]] | None = None,
) -> BatchSummary:
    """Extract every item and write one JSON line (or `.json` file) per input; return the counts.

    Results go to `out_dir` (one file per input, atomically), else `output` (JSONL, appended to
    when resuming), else the `stdout` stream. Each line is written whole and flushed. With
    `resume`, inputs whose article is already in the output with the same content hash are
    skipped; earlier failures are retried, and at the end the JSONL keeps one line per id.
    `engine` runs the extraction (default `iter_outcomes`, this machine's processes; see
    `claimline.dask.DaskEngine`): it takes `iter_outcomes`' arguments and yields one `Outcome`
    per item, in order.
    """
    if out_dir is not None and output is not None:
        raise UsageError("give either -o/--output or --out-dir, not both")
    if resume and out_dir is None and output is None:
        raise UsageError("--resume needs an output to resume: -o FILE or --out-dir DIR")
    if published is not None:
        from claimline.pipeline import parse_date

        published = parse_date(published)

    state = Progress()
    existing = _Existing()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    elif output is not None and resume:
        existing = _scan_jsonl(output)

    seen: set[str] = set()
    used_outputs: set[Path] = set()
    replaced = False

    def wanted(stream_items: Iterable[BatchItem]) -> Iterator[BatchItem]:
        """Drop inputs already done (resume); turn repeated ids into failures."""
        for item in stream_items:
            if item.id in seen or (
                out_dir is not None and out_dir_path(out_dir, item.id, item.output) in used_outputs
            ):
                message = (
                    f"{item.id}: the same id (or output file) appears twice in the inputs; extracted once"
                )
                yield BatchItem(id=item.id, output=None, failure=_failure(item.id, "duplicate_id", message))
                continue
            seen.add(item.id)
            target = out_dir_path(out_dir, item.id, item.output) if out_dir is not None else None
            if target is not None:
                used_outputs.add(target)
            if resume and item.failure is None:
                previous = _existing_out_dir_sha(target) if target is not None else existing.done.get(item.id)
                if previous is not None:
                    task = _read(item, published)
                    if isinstance(task, _Task) and text_sha256(task.text) == previous:
                        state.skipped += 1
                        if progress is not None:
                            progress(state)
                        continue
                    # Changed since the last run (or failed then): extract it again.
            yield item

    stream: IO[str] | None = None
    close = False
    if out_dir is None:
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
            stream = output.open("a" if resume else "w", encoding="utf-8")
            close = True
        else:
            stream = stdout if stdout is not None else sys.stdout
    try:
        for outcome in (engine or iter_outcomes)(
            wanted(items),
            jobs=jobs,
            published=published,
            model=model,
            batch_size=batch_size,
            start_method=start_method,
            as_json=True,
        ):
            line = outcome.json()
            if out_dir is not None:
                write_atomic(out_dir_path(out_dir, outcome.id, outcome.output), line + "\n")
            else:
                assert stream is not None
                stream.write(line + "\n")
                stream.flush()
                if outcome.id in existing.present:
                    replaced = True
            if outcome.ok:
                state.done += 1
                state.words += outcome.words
            else:
                state.failed += 1
            if progress is not None:
                progress(state)
    finally:
        if close and stream is not None:
            stream.close()
    if output is not None and out_dir is None and (replaced or existing.needs_compaction):
        _compact_jsonl(output)
    return BatchSummary(state.done, state.failed, state.skipped, state.words, state.elapsed)


def _clock(seconds: float | None) -> str:
    """H:MM:SS, as rich shows elapsed time; "-:--:--" while unknown."""
    if seconds is None:
        return "-:--:--"
    whole = max(0, round(seconds))
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


@contextlib.contextmanager
def progress_bar(console: Console, total: int | None) -> Iterator[Callable[[Progress], None]]:
    """A live rich progress bar (articles/s, ETA) on `console`; yields the `progress` callback."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.progress import (
        Progress as RichProgress,
    )

    columns = [
        SpinnerColumn(),
        TextColumn("batch"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        # rich's own remaining-time column estimates speed from the last few updates, and results
        # arrive a chunk at a time, so it showed a few seconds left for minutes: use the run's rate
        TextColumn("ETA {task.fields[eta]}"),
    ]
    with RichProgress(*columns, console=console, transient=False) as bar:
        task = bar.add_task("batch", total=total, rate=0.0, failed=0, eta=_clock(None))

        def update(state: Progress) -> None:
            processed = state.done + state.failed
            rate = processed / state.elapsed if state.elapsed > 0 else 0.0
            left = (total - state.total) / rate if total is not None and rate > 0 else None
            bar.update(task, completed=state.total, rate=rate, failed=state.failed, eta=_clock(left))

        yield update
