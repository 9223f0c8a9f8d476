# ruff: noqa: E501  (the TimeML fixture keeps its tags on one line, as in the corpus)
"""The evaluation harnesses on tiny gold files written for these tests (the dev sets stay outside)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimline.cli import app

runner = CliRunner()

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-05-10" temporalFunction="false" functionInDocument="CREATION_TIME">20240510</TIMEX3></DCT>
<TEXT>
The ferry sank <TIMEX3 tid="t1" type="DATE" value="2024-05-07">on Tuesday</TIMEX3>. Divers searched for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def attribution_line() -> str:
    text = "Anna Berg said the ferry had sunk. The port was closed."
    source, cue, content = (0, 9), (10, 14), (15, 33)

    def span(start: int, end: int) -> dict[str, object]:
        return {"start": start, "end": end, "text": text[start:end], "spans": [[start, end]]}

    claim = {"source": span(*source), "cue": span(*cue), "content": span(*content), "no_source": False}
    return json.dumps(
        {
            "doc": "d1",
            "publisher": "test",
            "publication_date": "2024-05-10",
            "title": "",
            "text": text,
            "claims": [claim],
        }
    )


@pytest.mark.usefixtures("nlp")
def test_eval_temporal_prints_scores(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(TIMEML, encoding="utf-8")
    result = runner.invoke(app, ["eval", "temporal", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    text = json.dumps(figures)
    assert "strict" in text and "relaxed" in text


@pytest.mark.usefixtures("nlp")
def test_eval_claims_prints_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(attribution_line() + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "claims", str(gold)])
    assert result.exit_code == 0, result.output
    assert "1 gold claims" in result.stdout
    assert "claims stage" in result.stdout  # the stage timing is printed
    figures = json.loads(runner.invoke(app, ["eval", "claims", str(gold), "--json"]).stdout)
    assert "joint" in json.dumps(figures)
    result = runner.invoke(app, ["eval", "claims", str(gold), "--agreement", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2


@pytest.mark.usefixtures("nlp")
def test_eval_claims_errors_from_cached_docs(tmp_path: Path) -> None:
    # the gold claim of the second sentence has a cue the stage does not know
    line = json.loads(attribution_line())
    text = line["text"]
    start = text.index("The port")
    line["claims"].append(
        {
            "source": None,
            "cue": {"start": start + 13, "end": start + 19, "text": "closed", "spans": []},
            "content": {"start": start, "end": start + 8, "text": "The port", "spans": []},
            "no_source": True,
        }
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    args = ["eval", "claims", str(gold), "--errors", "--cache", str(cache)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert len(list(cache.glob("*.spacy"))) == 1
    second = runner.invoke(app, [*args, "--json"])
    assert second.exit_code == 0, second.output
    errors = json.loads(second.stdout)["errors"]
    assert errors["no cue word"]["count"] == 1
    assert errors["no cue word"]["examples"][0].startswith("The port was closed.")
    assert "ratio" in first.stdout and "miss     no cue word" in first.stdout
    assert "read from the cache" in runner.invoke(app, args).stdout


@pytest.mark.usefixtures("nlp")
def test_eval_temporal_names_the_rule_of_a_wrong_value(tmp_path: Path) -> None:
    # the gold value is not the Tuesday before the DCT that the rules read: a value error
    wrong = TIMEML.replace('value="2024-05-07">on Tuesday', 'value="2024-05-14">on Tuesday')
    (tmp_path / "doc.tml").write_text(wrong, encoding="utf-8")
    result = runner.invoke(app, ["eval", "temporal", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "gold=2024-05-14 system=2024-05-07 rule=weekday" in result.stdout
