"""`claimline timeline`: inputs, formats, warnings and exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimline.cli import app
from tests.crossdoc_articles import make_article

ACME = {"Acme Corp": ("organization", ["Acme"])}


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def results(tmp_path: Path) -> Path:
    articles = [
        make_article(
            f"art{n}",
            date(2008, 6, 10 + n),
            "Acme launched the Rocket phone in Paris.",
            ACME,
            [("launched", "launch", ["Acme Corp"], (date(2008, 6, 9), date(2008, 6, 9)))],
        )
        for n in range(2)
    ]
    failure = json.dumps({"id": "broken.txt", "error": {"code": "empty", "message": "empty input"}})
    path = tmp_path / "results.jsonl"
    path.write_text(
        "\n".join([articles[0].model_dump_json(), failure, "{not json", articles[1].model_dump_json()]) + "\n"
    )
    return path


def test_json_merges_and_warns_about_bad_lines(results: Path) -> None:
    code, out, err = cli("timeline", str(results), "--actor", "Acme")
    assert code == 0
    merged = json.loads(out)
    assert merged["schema_version"] == "1.0"
    [event] = merged["events"]
    assert [m["article"] for m in event["mentions"]] == ["art0", "art1"]
    assert "results.jsonl:2: skipped: broken.txt was not extracted (empty)" in err
    assert "results.jsonl:3: skipped: invalid JSON" in err


@pytest.mark.parametrize(
    ("fmt", "marker"), [("table", "Chronology"), ("markdown", "## Acme"), ("html", "<!DOCTYPE html>")]
)
def test_formats(results: Path, fmt: str, marker: str) -> None:
    code, out, _ = cli("timeline", str(results), "--format", fmt)
    assert code == 0
    assert marker in out


def test_output_file_is_written_and_the_input_protected(results: Path, tmp_path: Path) -> None:
    target = tmp_path / "merged.json"
    assert cli("timeline", str(results), "-o", str(target))[0] == 0
    assert json.loads(target.read_text())["events"]
    code, _, err = cli("timeline", str(results), "-o", str(results))
    assert code == 2 and "refusing to overwrite" in err


def test_a_folder_of_json_results(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for n in range(2):
        article = make_article(
            f"a{n}",
            date(2010, 1, 1),
            "Acme closed the plant.",
            ACME,
            [("closed", "close", ["Acme Corp"], None)],
        )
        (folder / f"a{n}.json").write_text(article.model_dump_json())
    code, out, _ = cli("timeline", str(folder))
    assert code == 0
    assert len(json.loads(out)["articles"]) == 2


def test_missing_input_is_exit_1(tmp_path: Path) -> None:
    code, _, err = cli("timeline", str(tmp_path / "nope.jsonl"))
    assert code == 1
    assert err.startswith("claimline: error:") and "no such file" in err


def test_only_failures_is_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "failed.jsonl"
    path.write_text(json.dumps({"id": "x", "error": {"code": "empty", "message": "m"}}) + "\n")
    code, _, err = cli("timeline", str(path))
    assert code == 1 and "no article results" in err


def test_unknown_format_is_a_usage_error(results: Path) -> None:
    assert cli("timeline", str(results), "--format", "pdf")[0] == 2


def test_eval_timeline_needs_files(tmp_path: Path) -> None:
    code, _, err = cli("eval", "timeline", str(tmp_path / "docs.jsonl"), str(tmp_path / "gold.jsonl"))
    assert code == 2 and "not a JSONL file" in err
