"""The ordering harness's scoring on tiny hand-made records and timelines (no gold sentences)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimline.cli import app
from claimline.evaluation.ordering import OrderingCounts, OrderingReport, parse_record, score_document
from claimline.models import (
    Article,
    Event,
    EventRelation,
    Generator,
    Sentence,
    Source,
    TimeExpression,
    Trigger,
)

TEXT = "Troops left on Monday. Rebels had fired first. Talks will resume."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456


def _record() -> dict[str, object]:
    def event(eid: str, word: str, matres: bool = True) -> dict[str, object]:
        start = TEXT.index(word)
        return {"id": eid, "start": start, "end": start + len(word), "text": word, "in_matres": matres}

    return {
        "id": "d1",
        "dct": "2024-05-10",
        "text": TEXT,
        "events": [
            event("e1", "left"),
            event("e2", "fired"),
            event("e3", "resume"),
            event("e4", "Talks", False),
        ],
        "timexes": [{"id": "t1", "start": 15, "end": 21, "text": "Monday"}],
        "relations": [
            {"source": "e2", "target": "e1", "relation": "BEFORE"},
            {"source": "e1", "target": "e3", "relation": "BEFORE"},
            {"source": "e2", "target": "e3", "relation": "BEFORE"},
            {"source": "e1", "target": "e2", "relation": "VAGUE"},
        ],
        "anchors": [{"event": "e1", "timex": "t1", "relType": "IS_INCLUDED"}],
    }


def _event(eid: str, word: str, summary: str, **fields: object) -> Event:
    start = TEXT.index(word)
    trigger = Trigger(start=start, end=start + len(word), text=word, lemma=word)
    return Event(id=eid, trigger=trigger, summary=summary, sentence="s0", **fields)  # type: ignore[arg-type]


def _article(timeline: list[Event]) -> Article:
    return Article(
        source=Source(name="d1", sha256="0", chars=len(TEXT)),
        generator=Generator(version="0", model="m", model_version="0"),
        sentences=[Sentence(id="s0", start=0, end=len(TEXT), text=TEXT, paragraph=0)],
        times=[TimeExpression(id="t0", start=15, end=21, text="Monday", type="DATE", value="2024-05-06")],
        timeline=timeline,
    )


def test_a_timeline_in_gold_order_scores_every_covered_pair() -> None:
    fired = _event("e0", "fired", "Rebels had fired", relations=[EventRelation(type="BEFORE", event="e1")])
    left = _event("e1", "left", "Troops left", time="t0", earliest=date(2024, 5, 6), latest=date(2024, 5, 6))
    counts = score_document(parse_record(_record()), _article([fired, left]))
    assert (counts.pairs, counts.covered, counts.order_correct) == (3, 1, 1)  # VAGUE is not a pair
    assert counts.narrative_correct == 0  # the text mentions "left" first
    assert (counts.decided, counts.decided_correct) == (1, 1)  # by the stated relation
    assert (counts.anchors, counts.anchors_found) == (1, 1)
    assert (counts.matres_events, counts.matres_events_found) == (3, 2)
    assert (counts.system_events, counts.system_events_matched) == (2, 2)


def test_a_wrong_order_is_listed_and_a_fragment_summary_counted() -> None:
    left = _event("e0", "left", "that troops left")  # starts with a complementiser
    fired = _event("e1", "fired", "Rebels had fired at")  # ends on a preposition
    resume = _event("e2", "resume", "Talks will resume")
    errors: list[object] = []
    counts = score_document(parse_record(_record()), _article([left, fired, resume]), errors)  # type: ignore[arg-type]
    assert (counts.covered, counts.order_correct, counts.decided) == (3, 2, 0)
    assert len(errors) == 1 and "fired" in str(errors[0])
    assert (counts.summaries, counts.bad_summaries) == (3, 2)
    assert counts.anchors_found == 0  # "left" has no time


def test_an_event_not_in_the_gold_lowers_precision() -> None:
    period = _event("e0", "Rebels", "Rebels")
    counts = score_document(parse_record(_record()), _article([period]))
    assert (counts.system_events, counts.system_events_matched) == (1, 0)


def test_the_report_splits_odd_and_even_documents() -> None:
    report = OrderingReport()
    report.add(0, OrderingCounts(documents=1, pairs=2, covered=2, order_correct=2))
    report.add(1, OrderingCounts(documents=1, pairs=2, covered=1, order_correct=0))
    assert report.total.figures()["pair_coverage"] == pytest.approx(0.75)
    assert report.odd.figures()["order_accuracy"] == 1.0
    assert report.even.figures()["order_accuracy"] == 0.0
    assert "odd 1.000" in report.to_text()


@pytest.mark.usefixtures("nlp")
def test_eval_ordering_prints_scores(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_record()) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", "ordering", str(gold), "--errors"])
    assert result.exit_code == 0, result.output
    assert "pair coverage" in result.stdout and "events stage" in result.stdout
    figures = json.loads(runner.invoke(app, ["eval", "ordering", str(gold), "--json"]).stdout)
    assert figures["documents"] == 1 and set(figures["halves"]) == {"odd", "even"}
    assert runner.invoke(app, ["eval", "ordering", str(tmp_path / "missing.jsonl")]).exit_code == 2
