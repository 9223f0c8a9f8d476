"""Results as tables a database can query: one Parquet dataset per kind of item.

The layout is derived from `models.py`, not written out by hand, so a field added to a model
becomes a column without touching this module:

- `articles` has one row per article; `sentences`, `actors`, `mentions`, `times`, `events` (the
  `timeline`) and `claims` one row per item; `errors` one row per input that failed.
- Every row starts with `article_id` (the batch id, else the source name); item rows then have
  `position` (the item's index in its list, so `ORDER BY article_id, position` gives the JSON
  order) and `mentions` also `actor` (the id of the actor the mention belongs to).
- A nested object is spread over columns named by its path (`speaker_start`, `speaker_text`,
  `source_title_span_end`); all of them are null when the object is null.
- A list of values is an Arrow list (`aliases`, `via`), a list of objects a list of structs
  (`relations`), except the lists that have a table of their own.
- Dates are Arrow `date32`, integers `int64`, every other value a string.

pyarrow is imported only when tables are built or written (the `parquet` extra).
"""

from __future__ import annotations

import contextlib
import types
import typing
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from claimline.errors import ExtraNotInstalledError
from claimline.models import (
    SCHEMA_VERSION,
    Actor,
    Article,
    Claim,
    Event,
    Failure,
    Mention,
    Sentence,
    TimeExpression,
)
from claimline.output import atomic_binary_writer

__all__ = [
    "TABLES",
    "Column",
    "Table",
    "TableWriter",
    "articles_from_tables",
    "read_tables",
    "schemas",
    "table_rows",
]

PARQUET_EXTRA = 'Parquet output needs pyarrow: pip install "claimline[parquet]"'
# Rows kept in memory per table before they are written as a row group.
ROWS_PER_GROUP = 50_000
PART_NAME = "part-0.parquet"
# `batch --format parquet` keeps the JSON lines the tables come from (and `--resume` works on) here.
RESULTS_NAME = "results.jsonl"


@dataclass(frozen=True)
class Table:
    """A table: one row per `model` item found at `path` in an `Article` (the article itself for ())."""

    name: str
    model: type[BaseModel]
    path: tuple[str, ...]


TABLES: tuple[Table, ...] = (
    Table("articles", Article, ()),
    Table("sentences", Sentence, ("sentences",)),
    Table("actors", Actor, ("actors",)),
    Table("mentions", Mention, ("actors", "mentions")),
    Table("times", TimeExpression, ("times",)),
    Table("events", Event, ("timeline",)),
    Table("claims", Claim, ("claims",)),
    Table("errors", Failure, ()),
)
# Lists with a table of their own are not columns of their parent: (parent model, field name).
_CHILD_LISTS = frozenset(
    (parent.model, table.path[-1])
    for table in TABLES
    if table.path
    for parent in TABLES
    if parent.path == table.path[:-1] and parent.model is not Failure
)


@dataclass(frozen=True)
class Column:
    """A column: the value at `path` in an item (nested fields spread out), of Python type `kind`.

    `kind` is a scalar type, `list[...]` of one, or a model (a list of structs when `listed`).
    `optional` holds the paths of the nullable objects above the value: the value is null when one
    of them is.
    """

    name: str
    path: tuple[str, ...]
    kind: Any
    nullable: bool
    listed: bool = False
    optional: tuple[tuple[str, ...], ...] = ()


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) != 1:
            raise TypeError(f"no column type for the union {annotation!r}")
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _model_columns(
    model: type[BaseModel], prefix: tuple[str, ...], optional: tuple[tuple[str, ...], ...]
) -> Iterator[Column]:
    for name, info in model.model_fields.items():
        if (model, name) in _CHILD_LISTS:
            continue
        path = (*prefix, name)
        kind, nullable = _unwrap_optional(info.annotation)
        if _is_model(kind):
            if nullable and all(_unwrap_optional(f.annotation)[1] for f in kind.model_fields.values()):
                # Its columns could all be null while it is there: the tables could not tell.
                raise TypeError(f"{model.__name__}.{name}: an optional object needs a required field")
            yield from _model_columns(kind, path, (*optional, path) if nullable else optional)
            continue
        listed = typing.get_origin(kind) is list
        item = typing.get_args(kind)[0] if listed else kind
        yield Column("_".join(path), path, item, nullable or bool(optional), listed, optional)


def _key_columns(table: Table) -> list[Column]:
    keys = [Column("article_id", (), str, False)]
    if len(table.path) > 1:
        keys.append(Column(table.path[0].removesuffix("s"), (), str, False))
    if table.path:
        keys.append(Column("position", (), int, False))
    return keys


@cache
def columns(table: Table) -> tuple[Column, ...]:
    """The table's columns in order: keys, `id`, then the model's fields as they are declared."""
    fields = list(_model_columns(table.model, (), ()))
    if table.model is Failure:  # the failed input's id is the key
        fields = [column for column in fields if column.path != ("id",)]
    fields.sort(key=lambda column: column.path != ("id",))
    found = [*_key_columns(table), *fields]
    names = [column.name for column in found]
    if len(names) != len(set(names)):
        raise TypeError(f"table {table.name}: two columns would have the same name: {names}")
    return tuple(found)


# --------------------------------------------------------------------------- Arrow types


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as error:
        raise ExtraNotInstalledError(PARQUET_EXTRA) from error
    return pyarrow


def _arrow_type(kind: Any) -> Any:
    pa = _pyarrow()
    kind, _ = _unwrap_optional(kind)
    if typing.get_origin(kind) is Literal:
        if not all(isinstance(value, str) for value in typing.get_args(kind)):
            raise TypeError(f"no column type for {kind!r}")
        return pa.string()
    if typing.get_origin(kind) is list:
        return _list_type(typing.get_args(kind)[0])
    if _is_model(kind):
        fields = kind.model_fields.items()
        return pa.struct([pa.field(name, _arrow_type(f.annotation)) for name, f in fields])
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), date: pa.date32()}
    if kind in scalars:
        return scalars[kind]
    raise TypeError(f"no column type for {kind!r}")


def _list_type(kind: Any) -> Any:
    # Parquet names a list's items "element": name them so here too, and the files' schema is this one
    pa = _pyarrow()
    return pa.list_(pa.field("element", _arrow_type(kind)))


@cache
def schema(table: Table) -> Any:
    """The table's Arrow schema (`pyarrow.Schema`), with the output's schema version as metadata."""
    pa = _pyarrow()
    fields = [
        pa.field(c.name, _list_type(c.kind) if c.listed else _arrow_type(c.kind), c.nullable)
        for c in columns(table)
    ]
    return pa.schema(fields, metadata={"claimline.schema_version": SCHEMA_VERSION})


def schemas() -> dict[str, Any]:
    """Every table's Arrow schema by name."""
    return {table.name: schema(table) for table in TABLES}


# --------------------------------------------------------------------------- results to rows


def article_key(article: Article) -> str:
    """The `article_id` of an article's rows: its batch id, else its source name."""
    return article.id if article.id is not None else article.source.name


def _get(data: Mapping[str, Any] | None, path: tuple[str, ...]) -> Any:
    value: Any = data
    for part in path:
        if value is None:
            return None
        value = value[part]
    return value


def _row(table: Table, item: Mapping[str, Any], keys: Mapping[str, Any]) -> dict[str, Any]:
    return {c.name: keys[c.name] if not c.path else _get(item, c.path) for c in columns(table)}


def table_rows(result: Article | Failure) -> dict[str, list[dict[str, Any]]]:
    """The rows one batch result adds to each table (tables it adds nothing to are left out)."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if isinstance(result, Failure):
        failure = result.model_dump(mode="python")
        rows["errors"].append(_row(_table("errors"), failure, {"article_id": result.id}))
        return rows
    data = result.model_dump(mode="python")
    key = article_key(result)
    for table in TABLES:
        if table.model is Failure:
            continue
        if not table.path:
            rows[table.name].append(_row(table, data, {"article_id": key}))
        elif len(table.path) == 1:
            for position, item in enumerate(data[table.path[0]]):
                keys = {"article_id": key, "position": position}
                rows[table.name].append(_row(table, item, keys))
        else:
            parent_key = _key_columns(table)[1].name
            for parent in data[table.path[0]]:
                for position, item in enumerate(parent[table.path[1]]):
                    keys = {"article_id": key, parent_key: parent["id"], "position": position}
                    rows[table.name].append(_row(table, item, keys))
    return rows


def _table(name: str) -> Table:
    return next(table for table in TABLES if table.name == name)


# --------------------------------------------------------------------------- writing


class TableWriter:
    """Write results to `directory/<table>/part-0.parquet`, streaming (memory stays bounded).

    Each table file is written to a temporary file and renamed over the old one on `close`, so a
    crash leaves the previous tables (or none), never a half-written one. Use as a context manager.
    """

    def __init__(self, directory: Path, rows_per_group: int = ROWS_PER_GROUP) -> None:
        self.directory = directory
        self.rows_per_group = rows_per_group
        self.pending: dict[str, list[dict[str, Any]]] = {table.name: [] for table in TABLES}
        self.files = contextlib.ExitStack()  # one atomic file per table, put in place on close
        self.writers: dict[str, Any] = {}
        self.counts: dict[str, int] = dict.fromkeys(self.pending, 0)
        self._pq = _parquet()

    def add(self, result: Article | Failure) -> None:
        for name, rows in table_rows(result).items():
            self.pending[name].extend(rows)
            self.counts[name] += len(rows)
            if len(self.pending[name]) >= self.rows_per_group:
                self._flush(name)

    def _flush(self, name: str) -> None:
        table = _table(name)
        if name not in self.writers:
            stream = self.files.enter_context(atomic_binary_writer(self.directory / name / PART_NAME))
            self.writers[name] = self._pq.ParquetWriter(stream, schema(table))
        rows, self.pending[name] = self.pending[name], []
        self.writers[name].write_table(_pyarrow().Table.from_pylist(rows, schema=schema(table)))

    def close(self) -> None:
        """Write what is left and put every table in place."""
        for table in TABLES:
            self._flush(table.name)  # also creates the tables that got no row
            self.writers.pop(table.name).close()
        self.files.close()

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        # leaving the files' contexts with an error deletes every temporary file
        self.files.__exit__(RuntimeError, RuntimeError("table writing aborted"), None)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def _parquet() -> Any:
    _pyarrow()
    import pyarrow.parquet

    return pyarrow.parquet


def write_tables(results: Iterable[Article | Failure], directory: Path) -> dict[str, int]:
    """Write `results` as Parquet tables under `directory`; return the rows written per table."""
    with TableWriter(directory) as writer:
        for result in results:
            writer.add(result)
    return writer.counts


def results_to_tables(results: Path, directory: Path) -> dict[str, int]:
    """Export a batch `.jsonl` (or one `.json` result) to tables under `directory`, streaming."""
    from claimline.views.loading import iter_results

    _pyarrow()
    return write_tables(iter_results(results), directory)


# --------------------------------------------------------------------------- reading back


def read_tables(directory: Path) -> dict[str, Any]:
    """Every table under `directory` as a `pyarrow.Table` (each folder read as a dataset)."""
    pq = _parquet()
    return {table.name: pq.read_table(directory / table.name, schema=schema(table)) for table in TABLES}


def _unflatten(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    absent: set[tuple[str, ...]] = set()
    for column in columns(table):
        if not column.path:
            continue
        for optional in column.optional:
            if optional not in absent and all(
                row[c.name] is None for c in columns(table) if c.path[: len(optional)] == optional
            ):
                absent.add(optional)
        outermost = next((optional for optional in column.optional if optional in absent), None)
        if outermost is not None:
            _put(item, outermost, None)
            continue
        _put(item, column.path, row[column.name])
    return item


def _put(item: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        item = item.setdefault(part, {})
    item[path[-1]] = value


def articles_from_tables(tables: Mapping[str, Any]) -> list[Article | Failure]:
    """Rebuild the results from the tables (`read_tables`), articles in `articles` order, then failures."""
    children: dict[str, dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]]] = {}
    for table in TABLES:
        if not table.path:
            continue
        grouped: dict[tuple[str, ...], list[tuple[int, dict[str, Any]]]] = defaultdict(list)
        for row in tables[table.name].to_pylist():
            keys = tuple(str(row[c.name]) for c in _key_columns(table)[:-1])
            grouped[keys].append((row["position"], _unflatten(table, row)))
        children[table.name] = grouped

    def items(table: Table, keys: tuple[str, ...]) -> list[dict[str, Any]]:
        return [item for _, item in sorted(children[table.name].get(keys, []), key=lambda pair: pair[0])]

    results: list[Article | Failure] = []
    for row in tables["articles"].to_pylist():
        data = _unflatten(_table("articles"), row)
        key = row["article_id"]
        for table in TABLES:
            if len(table.path) == 1:
                data[table.path[0]] = items(table, (key,))
            elif len(table.path) == 2:
                for parent in data[table.path[0]]:
                    parent[table.path[1]] = items(table, (key, parent["id"]))
        results.append(Article.model_validate(data))
    for row in tables["errors"].to_pylist():
        failure = _unflatten(_table("errors"), row)
        results.append(Failure.model_validate({"id": row["article_id"], **failure}))
    return results
