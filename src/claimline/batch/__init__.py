"""Many articles at once: `extract_many` (the library API) and the machinery of `claimline batch`.

Every input yields exactly one result, in input order: an `Article` (with `id` set) or a
`Failure` whose `error.code` says why (`empty`, `binary`, `too_large`, `unreadable`,
`not_found`, `bad_input`, `extraction_failed`, `worker_crashed`, `duplicate_id`).

Inputs are streamed: at most a bounded window of chunks is read ahead, whatever the number of
inputs, so memory stays flat. With `jobs > 1` the chunks go to worker processes, each of which
loads the spaCy pipeline once and parses its chunk with `nlp.pipe` batching.

This package never prints and never exits: `run_batch` writes results to the streams or folder it
is given and returns a `BatchSummary`; progress is reported through a callback. Its modules follow
the run: `items` (the inputs), `discovery` (finding them), `work` (reading and extracting one chunk),
`workers` (the process pool), `engine` (`iter_outcomes`, `extract_many`), `results` (the output
folder and `--resume`), `run` (`run_batch`, progress).
"""

from claimline.batch.discovery import count_inputs, discover
from claimline.batch.discovery import record_item as record_item
from claimline.batch.engine import extract_many
from claimline.batch.engine import iter_outcomes as iter_outcomes
from claimline.batch.items import BATCH_SIZE, BatchItem, ItemLike
from claimline.batch.items import Published as Published
from claimline.batch.items import _as_item as _as_item
from claimline.batch.items import _failure as _failure
from claimline.batch.items import text_sha256 as text_sha256
from claimline.batch.results import _scan_jsonl as _scan_jsonl
from claimline.batch.results import out_dir_path as out_dir_path
from claimline.batch.run import BatchSummary, Progress, progress_bar, run_batch, run_batch_inputs
from claimline.batch.run import _clock as _clock
from claimline.batch.run import engine_for as engine_for
from claimline.batch.work import Outcome as Outcome
from claimline.batch.workers import default_jobs
from claimline.batch.workers import default_start_method as default_start_method

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
    "run_batch_inputs",
]
