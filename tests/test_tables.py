"""Parquet tables: a layout derived from models.py, written with pyarrow, read back to the same results."""

from __future__ import annotations

import json
import sys
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from claimline.cli import app
from claimline.models import SCHEMA_VERSION, Article, Failure
from claimline.tables import TABLES, Table, articles_from_tables, columns, read_tables, schema, schemas
from claimline.views.loading import iter_results

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def leaf_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every field path of `model` down to values (lists of objects count as one path)."""
    found: set[tuple[str, ...]] = set()
    for name, info in model.model_fields.items():
        kind = info.annotation
        args = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if typing.get_origin(kind) in (typing.Union, type(int | None)) and len(args) == 1:
            kind = args[0]
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            found |= leaf_paths(kind, (*prefix, name))
        else:
            found.add((*prefix, name))
    return found


def test_every_model_field_is_a_column_or_a_table_of_its_own() -> None:
    from claimline.models import Actor

    own_tables = {
        (Article, "sentences"): "sentences",
        (Article, "actors"): "actors",
        (Actor, "mentions"): "mentions",
        (Article, "times"): "times",
        (Article, "timeline"): "events",
        (Article, "claims"): "claims",
    }
    assert {table.name: table.path for table in TABLES if table.path} == {
        "sentences": ("sentences",),
        "actors": ("actors",),
        "mentions": ("actors", "mentions"),
        "times": ("times",),
        "events": ("timeline",),
        "claims": ("claims",),
    }
    for table in TABLES:
        paths = {column.path for column in columns(table)}
        expected = {
            path
            for path in leaf_paths(table.model)
            if not (len(path) == 1 and (table.model, path[0]) in own_tables)
        }
        if table.model is Failure:
            expected.discard(("id",))  # the key, article_id
        assert paths - {()} == expected, table.name


def test_the_schema_is_explicit_and_typed() -> None:
    tables = schemas()
    names = ["articles", "sentences", "actors", "mentions", "times", "events", "claims", "errors"]
    assert list(tables) == names
    for name, table_schema in tables.items():
        assert table_schema.field("article_id").type == pa.string(), name
        assert not table_schema.field("article_id").nullable
        assert table_schema.metadata[b"claimline.schema_version"] == SCHEMA_VERSION.encode()
    assert tables["mentions"].names[:3] == ["article_id", "actor", "position"]
    assert tables["times"].field("earliest").type == pa.date32()
    assert tables["claims"].field("via").type == pa.list_(pa.string())
    assert tables["claims"].field("speaker_actor").nullable
    assert not tables["claims"].field("content_start").nullable
    relation = tables["events"].field("relations").type
    assert relation == pa.list_(pa.struct([("type", pa.string()), ("event", pa.string())]))
    assert tables["articles"].field("source_published").type == pa.date32()


def test_an_optional_object_without_a_required_field_is_refused() -> None:
    class Inner(BaseModel):
        note: str | None = None

    class Outer(BaseModel):
        inner: Inner | None = None

    with pytest.raises(TypeError, match="needs a required field"):
        columns(Table("outer", Outer, ()))


@pytest.fixture
def results_jsonl(tmp_path: Path, seed_article: Article) -> Path:
    """A batch output: the seed, the examples, one edited to have nulls, and a failure line."""
    from claimline import extract_many

    examples = sorted((ROOT / "examples").glob("*.txt"))
    items = [(path.name, path.read_text(encoding="utf-8"), "2025-04-05") for path in examples]
    results = list(extract_many([*items, ("empty", "  ")]))
    seed = seed_article.model_copy(update={"id": "seed"})
    edited = seed.model_copy(deep=True)
    edited.id = "seed-edited"
    edited.source.title_span = None
    edited.claims[0].speaker = None
    edited.claims[0].cue = None
    assert edited.claims[0] != seed.claims[0]
    assert any(event.relations for event in seed.timeline)
    assert any(actor.mentions for actor in seed.actors)
    path = tmp_path / "results.jsonl"
    lines = [result.model_dump_json() for result in (seed, edited, *results)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_export_round_trips_to_the_same_results(results_jsonl: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = runner.invoke(app, ["export", str(results_jsonl), "--format", "parquet", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "6 articles" in result.stderr and "1 errors" in result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == sorted(
        [table.name for table in TABLES] + [f"{table.name}/part-0.parquet" for table in TABLES]
    )
    tables = read_tables(out)
    for table in TABLES:  # the files carry exactly the derived schema
        assert pq.read_schema(out / table.name / "part-0.parquet").equals(schema(table), check_metadata=True)
    original = list(iter_results(results_jsonl))
    rebuilt = articles_from_tables(tables)
    assert [r.model_dump(mode="json") for r in rebuilt] == [r.model_dump(mode="json") for r in original]
    # the values a query sees are those of the JSON lines
    first = json.loads(results_jsonl.read_text(encoding="utf-8").splitlines()[0])
    claims = [row for row in tables["claims"].to_pylist() if row["article_id"] == "seed"]
    assert [row["content_text"] for row in claims] == [c["content"]["text"] for c in first["claims"]]
    assert [row["position"] for row in claims] == list(range(len(first["claims"])))
    errors = tables["errors"].to_pylist()
    assert [(row["article_id"], row["error_code"]) for row in errors] == [("empty", "empty")]
    assert errors[0]["error_message"].startswith("empty: empty input")

    # exporting again replaces the tables (no second part, no temporary file left)
    again = runner.invoke(app, ["export", str(results_jsonl), str(out)])
    assert again.exit_code == 0, again.stderr
    assert len(list(out.rglob("*.parquet"))) == len(TABLES)
    assert not list(out.rglob(".*"))


def test_export_small_row_groups_stream_the_same_rows(results_jsonl: Path, tmp_path: Path) -> None:
    from claimline.tables import TableWriter

    with TableWriter(tmp_path / "t", rows_per_group=7) as writer:
        for result in iter_results(results_jsonl):
            writer.add(result)
    metadata = pq.ParquetFile(tmp_path / "t" / "claims" / "part-0.parquet").metadata
    assert metadata.num_row_groups > 1
    rebuilt = articles_from_tables(read_tables(tmp_path / "t"))
    assert [r.model_dump() for r in rebuilt] == [r.model_dump() for r in iter_results(results_jsonl)]


def test_an_interrupted_export_leaves_the_old_tables_and_no_temporary_file(
    results_jsonl: Path, tmp_path: Path
) -> None:
    from claimline.tables import TableWriter

    out = tmp_path / "t"
    with TableWriter(out) as writer:
        writer.add(next(iter_results(results_jsonl)))
    before = {path: path.read_bytes() for path in out.rglob("*.parquet")}
    with pytest.raises(KeyboardInterrupt), TableWriter(out, rows_per_group=1) as writer:
        for result in iter_results(results_jsonl):
            writer.add(result)  # every row flushed: temporary files exist when the run stops
        raise KeyboardInterrupt
    assert {path: path.read_bytes() for path in out.rglob("*.parquet")} == before
    assert not list(out.rglob(".*"))


def test_export_errors_have_exit_codes(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["export", str(tmp_path / "nope.jsonl"), str(tmp_path / "t")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "error": {"code": "empty", "message": "m"}}\nnot json\n', encoding="utf-8")
    invalid = runner.invoke(app, ["export", str(bad), str(tmp_path / "t")])
    assert invalid.exit_code == 1 and "bad.jsonl:2" in invalid.stderr
    assert not (tmp_path / "t" / "errors" / "part-0.parquet").exists()  # nothing half-written
    a_file = tmp_path / "file"
    a_file.write_text("", encoding="utf-8")
    assert runner.invoke(app, ["export", str(bad), str(a_file)]).exit_code == 2
    usage = runner.invoke(app, ["batch", str(bad), "--format", "parquet", "-o", str(tmp_path / "r.jsonl")])
    assert usage.exit_code == 2 and "--out-dir" in usage.stderr


@pytest.mark.usefixtures("nlp")
def test_batch_format_parquet_writes_tables_beside_the_results(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((ROOT / "examples" / "council-vote.txt").read_text("utf-8"), "utf-8")
    (folder / "b.txt").write_bytes(b"")
    out = tmp_path / "out"
    command = ["batch", str(folder), "-j", "1", "--format", "parquet", "--out-dir", str(out)]
    result = runner.invoke(app, command)
    assert result.exit_code == 4, result.stderr
    assert "1 done, 1 failed" in result.stderr
    tables = read_tables(out)
    assert tables["articles"]["article_id"].to_pylist() == [f"{folder.as_posix()}/a.txt"]
    assert tables["errors"]["article_id"].to_pylist() == [f"{folder.as_posix()}/b.txt"]
    rebuilt = articles_from_tables(tables)
    assert [r.model_dump() for r in rebuilt] == [r.model_dump() for r in iter_results(out / "results.jsonl")]
    (folder / "b.txt").write_text("The mayor said the vote was fair.\n", encoding="utf-8")
    resumed = runner.invoke(app, [*command, "--resume"])
    assert resumed.exit_code == 0 and "1 done, 0 failed, 1 skipped" in resumed.stderr
    tables = read_tables(out)
    assert tables["articles"].num_rows == 2 and tables["errors"].num_rows == 0


def test_without_pyarrow_the_extra_is_named(
    results_jsonl: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if not installed: importing it fails
    result = runner.invoke(app, ["export", str(results_jsonl), str(tmp_path / "t")])
    assert result.exit_code == 3
    assert 'pip install "claimline[parquet]"' in result.stderr
    assert not (tmp_path / "t").exists()
