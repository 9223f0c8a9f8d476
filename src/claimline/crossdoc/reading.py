"""Streaming results for the merge: batch .jsonl files, .json results, folders of .json results.

One article is read at a time, so that memory does not grow with the texts. A line that is not a
claimline result, and a batch failure record, is a warning (`warn`), not an error; a missing or
unreadable input, or inputs holding no article at all, raise `InputError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from claimline.errors import InputError
from claimline.models import Article

Warn = Callable[[str], None]


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".json", ".jsonl", ".ndjson"))
        return [p for p in found if not any(part.startswith(".") for part in p.relative_to(path).parts)]
    if not path.exists():
        raise InputError(f"{path}: no such file", code="not_found")
    return [path]


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """(where, raw JSON) per result in the file: every line of a .jsonl, the whole of a .json."""
    try:
        with path.open(encoding="utf-8") as stream:
            if path.suffix.lower() == ".json":
                yield str(path), stream.read()
                return
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield f"{path}:{number}", line
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text, expected claimline results", code="unreadable") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})", code="unreadable") from None


def _article(where: str, raw: str, warn: Warn) -> Article | None:
    try:
        return Article.model_validate_json(raw)  # the fast path: JSON parsed and checked in one go
    except ValidationError:
        pass  # say why below
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        warn(f"{where}: skipped: invalid JSON ({error.msg})")
        return None
    if isinstance(data, dict) and "error" in data and "source" not in data:
        info = data.get("error") or {}
        code = info.get("code", "?") if isinstance(info, dict) else "?"
        warn(f"{where}: skipped: {data.get('id', '?')} was not extracted ({code})")
        return None
    try:
        return Article.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        at = ".".join(str(part) for part in first["loc"]) or "top level"
        warn(f"{where}: skipped: not a claimline result ({at}: {first['msg']})")
        return None


def iter_results(paths: Sequence[Path], warn: Warn) -> Iterator[Article]:
    """The articles in `paths`, one at a time; raises InputError if there is none at all."""
    files = [f for path in paths for f in _files(path)]
    count = 0
    for file in files:
        for where, raw in _lines(file):
            article = _article(where, raw, warn)
            if article is not None:
                if article.id is None:
                    article.id = (
                        str(file) if file.suffix.lower() == ".json" else f"{file}:{where.rsplit(':', 1)[-1]}"
                    )
                count += 1
                yield article
    if count == 0:
        raise InputError(f"{', '.join(str(p) for p in paths)}: no article results")
