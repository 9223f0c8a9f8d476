"""The batch run: `run_batch` writes one result per input and returns a `BatchSummary`.

It never prints and never exits: progress is reported through a callback (`progress_bar` makes
one that draws a rich bar on the console it is given).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from claimline.batch.engine import iter_outcomes
from claimline.batch.items import BATCH_SIZE, BatchItem, Published, _failure, text_sha256
from claimline.batch.results import (
    _compact_jsonl,
    _Existing,
    _existing_out_dir_sha,
    _scan_jsonl,
    out_dir_path,
)
from claimline.batch.work import Outcome, _read, _Task
from claimline.errors import UsageError
from claimline.output import write_atomic

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class Progress:
    """Counts so far, passed to the `progress` callback after each input."""

    done: int = 0
    failed: int = 0
    skipped: int = 0
    words: int = 0
    started: float = field(default_factory=time.perf_counter)

    def count(self, outcome: Outcome) -> None:
        """Count one result the engine yielded."""
        if outcome.ok:
            self.done += 1
            self.words += outcome.words
        else:
            self.failed += 1

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
    admit = _Admission(out_dir, resume, existing, published, state, progress)
    replaced = False
    with _line_stream(output, stdout, out_dir, resume) as stream:
        for outcome in (engine or iter_outcomes)(
            admit.wanted(items),
            jobs=jobs,
            published=published,
            model=model,
            batch_size=batch_size,
            start_method=start_method,
            as_json=True,
        ):
            replaced = _write_outcome(outcome, out_dir, stream, existing) or replaced
            state.count(outcome)
            if progress is not None:
                progress(state)
    if output is not None and out_dir is None and (replaced or existing.needs_compaction):
        _compact_jsonl(output)
    return BatchSummary(state.done, state.failed, state.skipped, state.words, state.elapsed)


@dataclass
class _Admission:
    """Which inputs go to the engine: repeated ids become failures, unchanged ones are skipped (resume)."""

    out_dir: Path | None
    resume: bool
    existing: _Existing
    published: Published
    state: Progress
    progress: Callable[[Progress], None] | None
    seen: set[str] = field(default_factory=set)
    used_outputs: set[Path] = field(default_factory=set)

    def wanted(self, items: Iterable[BatchItem]) -> Iterator[BatchItem]:
        """Drop inputs already done (resume); turn repeated ids into failures."""
        for item in items:
            target = out_dir_path(self.out_dir, item.id, item.output) if self.out_dir is not None else None
            if item.id in self.seen or (target is not None and target in self.used_outputs):
                message = (
                    f"{item.id}: the same id (or output file) appears twice in the inputs; extracted once"
                )
                yield BatchItem(id=item.id, output=None, failure=_failure(item.id, "duplicate_id", message))
                continue
            self.seen.add(item.id)
            if target is not None:
                self.used_outputs.add(target)
            if self.resume and item.failure is None and self._unchanged(item, target):
                self.state.skipped += 1
                if self.progress is not None:
                    self.progress(self.state)
                continue
            yield item

    def _unchanged(self, item: BatchItem, target: Path | None) -> bool:
        """Whether the output already holds this input's article, for the same text."""
        previous = _existing_out_dir_sha(target) if target is not None else self.existing.done.get(item.id)
        if previous is None:
            return False
        task = _read(item, self.published)
        # Changed since the last run (or failed then): extract it again.
        return isinstance(task, _Task) and text_sha256(task.text) == previous


@contextlib.contextmanager
def _line_stream(
    output: Path | None, stdout: IO[str] | None, out_dir: Path | None, resume: bool
) -> Iterator[IO[str] | None]:
    """The JSONL stream results go to (None with `out_dir`): `output`, opened here, else stdout."""
    if out_dir is not None:
        yield None
    elif output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("a" if resume else "w", encoding="utf-8") as stream:
            yield stream
    else:
        yield stdout if stdout is not None else sys.stdout


def _write_outcome(
    outcome: Outcome, out_dir: Path | None, stream: IO[str] | None, existing: _Existing
) -> bool:
    """Write one result (whole, flushed); True when it replaces a line a previous run left."""
    line = outcome.json()
    if out_dir is not None:
        write_atomic(out_dir_path(out_dir, outcome.id, outcome.output), line + "\n")
        return False
    assert stream is not None
    stream.write(line + "\n")
    stream.flush()
    return outcome.id in existing.present


ProgressBar = Callable[[int | None], contextlib.AbstractContextManager[Callable[[Progress], None]]]


def run_batch_inputs(
    inputs: Sequence[str],
    *,
    output: Path | None = None,
    out_dir: Path | None = None,
    glob: str = "*",
    recursive: bool = False,
    jobs: int | None = None,
    published: Published = None,
    resume: bool = False,
    model: str | None = None,
    scheduler: str | None = None,
    parquet: bool = False,
    progress_bar: ProgressBar | None = None,
) -> BatchSummary:
    """`claimline batch` on its command-line inputs (files, folders, `-`, URLs; see `discover`).

    The extraction runs on this machine's `jobs` processes (default: its CPUs) or on the Dask
    cluster `scheduler` names. With `parquet`, results go to `out_dir/results.jsonl` and become
    tables under `out_dir`. `progress_bar(total)`, when given, makes the `progress` callback
    (`total` is None when reading stdin).
    """
    from claimline.batch.discovery import count_inputs, discover
    from claimline.batch.workers import default_jobs

    tables_dir = None
    if parquet:
        from claimline.tables import RESULTS_NAME, schemas

        if out_dir is None or output is not None:
            raise UsageError("--format parquet writes tables to --out-dir DIR (not -o)")
        schemas()  # fails now, not after the batch, when pyarrow is missing
        tables_dir, output, out_dir = out_dir, out_dir / RESULTS_NAME, None
    if scheduler is not None and jobs is not None:
        raise UsageError("--jobs is for this machine; with --scheduler the cluster's workers run")
    exclude = [p for p in (output, out_dir, tables_dir) if p is not None]
    items = discover(inputs, glob=glob, recursive=recursive, exclude=exclude)

    def run(progress: Callable[[Progress], None] | None = None) -> BatchSummary:
        with engine_for(scheduler) as engine:
            return run_batch(
                items,
                output=output,
                out_dir=out_dir,
                resume=resume,
                jobs=jobs or default_jobs(),
                published=published,
                model=model,
                progress=progress,
                engine=engine,
            )

    if progress_bar is None:
        summary = run()
    else:
        with progress_bar(count_inputs(inputs, glob=glob, recursive=recursive)) as update:
            summary = run(update)
    if tables_dir is not None and output is not None:
        from claimline.tables import results_to_tables

        results_to_tables(output, tables_dir)
    return summary


@contextlib.contextmanager
def engine_for(scheduler: str | None) -> Iterator[Any]:
    """`run_batch`'s engine: None (this machine's worker processes), or Dask's for `--scheduler`."""
    if scheduler is None:
        yield None
        return
    from claimline.dask import DaskEngine, connect

    with connect(scheduler) as client:
        yield DaskEngine(client)


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
