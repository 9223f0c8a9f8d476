"""Worker processes: a pool that loads the model once per worker and can be replaced when one dies."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Union

from claimline.batch.items import _failure
from claimline.batch.work import Outcome, _extract_chunk, _Task

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
