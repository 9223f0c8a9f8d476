"""Discovering inputs: files, folders (sorted, streaming), JSONL on stdin, fsspec URLs."""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import IO

from claimline.batch.items import BatchItem, _failure


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
