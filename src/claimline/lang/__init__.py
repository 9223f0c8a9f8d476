"""The language-data layer: knowledge (word lists, tables, patterns) as data files, read by every stage.

Each file under `lang/<language>/` is one TOML document. A stage declares what it expects of a file as
a Pydantic model (`extra="forbid"`) and reads it with `load(name, Model)`; the file is parsed and
checked once per process. Checks that every file gets, whatever its model:

- an unknown key is an error (the model forbids extra fields);
- a list of strings may not hold the same entry twice ("acknowledge" listed three times hid an intent);
- TOML itself rejects a key defined twice in one table.

A new word, holiday or month abbreviation is one line in one file; `tests/test_lang.py` says what it did.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

LANGUAGE = "en"

ModelT = TypeVar("ModelT", bound=BaseModel)


class LanguageDataError(ValueError):
    """A language-data file is malformed: a bug in the package, reported with the file and key."""


class LangModel(BaseModel):
    """Base of every language-data model: unknown keys are errors, values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _duplicates(value: Any, path: str) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _duplicates(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        seen: set[str] = set()
        for number, item in enumerate(value):
            if isinstance(item, str):
                if item in seen:
                    yield f"{path}: {item!r} is listed twice"
                seen.add(item)
            else:
                yield from _duplicates(item, f"{path}[{number}]")


def parse(text: str, where: str) -> dict[str, Any]:
    """A TOML document checked for duplicate entries; `where` names it in errors."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(f"{where}: {error}") from error
    problems = list(_duplicates(document, ""))
    if problems:
        raise LanguageDataError(f"{where}: " + "; ".join(problems))
    return document


def validate(document: dict[str, Any], model: type[ModelT], where: str) -> ModelT:
    """`document` as `model`; an unknown or missing key is a `LanguageDataError` naming `where`."""
    try:
        return model.model_validate(document)
    except ValidationError as error:
        raise LanguageDataError(f"{where}: {error}") from error


@cache
def raw(name: str, language: str = LANGUAGE) -> dict[str, Any]:
    """The parsed TOML document `lang/<language>/<name>.toml`, checked for duplicate entries."""
    where = f"lang/{language}/{name}.toml"
    try:
        text = (
            resources.files("claimline.lang").joinpath(language, f"{name}.toml").read_text(encoding="utf-8")
        )
    except OSError as error:
        raise LanguageDataError(f"{where}: {error}") from error
    return parse(text, where)


_models: dict[tuple[str, str, type[BaseModel]], BaseModel] = {}


def load(name: str, model: type[ModelT], language: str = LANGUAGE) -> ModelT:
    """`lang/<language>/<name>.toml` validated by `model`, built once per process."""
    key = (name, language, model)
    cached = _models.get(key)
    if cached is None:
        cached = _models[key] = validate(raw(name, language), model, f"lang/{language}/{name}.toml")
    assert isinstance(cached, model)
    return cached
