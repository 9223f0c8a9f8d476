"""Reading results back for the views: one `Article` per .json file, or a batch .jsonl."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from claimline.errors import InputError
from claimline.models import Article, Failure

__all__ = ["iter_results", "read_results", "result_kind"]


def result_kind(path: Path) -> str:
    """'json' (one result), 'jsonl' (a batch) or 'text' (an article to extract), by file suffix."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    return "text"


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", code="unreadable") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a result file", code="unreadable") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text, expected claimline JSON", code="unreadable") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})", code="unreadable") from None


def _problem(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "top level"
    more = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{where}: {first['msg']}{more}"


def _parse(raw: str, where: str) -> Article | Failure:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: invalid JSON ({error.msg} at line {error.lineno})") from None
    if isinstance(data, dict) and set(data) == {"id", "error"}:
        try:
            return Failure.model_validate(data)
        except ValidationError as error:
            raise InputError(f"{where}: not a claimline failure record: {_problem(error)}") from None
    try:
        return Article.model_validate(data)
    except ValidationError as error:
        raise InputError(f"{where}: not a claimline result: {_problem(error)}") from None


def _add(item: Article | Failure, articles: list[Article], failures: list[Failure]) -> None:
    if isinstance(item, Failure):
        failures.append(item)
    else:
        articles.append(item)


def read_results(path: Path) -> tuple[list[Article], list[Failure]]:
    """The articles (and batch failure records) in a result .json or batch .jsonl file.

    Raises InputError when the file is missing, unreadable, not JSON, not claimline output, or
    holds no article at all.
    """
    text = _read_text(path)
    articles: list[Article] = []
    failures: list[Failure] = []
    if result_kind(path) == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                _add(_parse(line, f"{path}:{number}"), articles, failures)
    else:
        _add(_parse(text, str(path)), articles, failures)
    if not articles:
        detail = f" ({len(failures)} failure records)" if failures else ""
        raise InputError(f"{path}: no article results{detail}")
    return articles, failures


def iter_results(path: Path) -> Iterator[Article | Failure]:
    """The results of a batch .jsonl (or one .json) one at a time, for files too large to hold.

    Raises InputError as `read_results` does, at the first line that is not a claimline result.
    """
    if result_kind(path) != "jsonl":
        yield _parse(_read_text(path), str(path))
        return
    try:
        with path.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield _parse(line, f"{path}:{number}")
    except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError):
        _read_text(path)  # raises the same InputError as read_results
        raise
