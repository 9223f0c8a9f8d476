"""Event-ordering harness: score the timeline against TimeML events, MATRES relations and TimeML anchors.

Reads the JSONL format of the ordering dev set (one article per line: ``text``, ``dct``, TimeML
``events`` and ``timexes``, MATRES ``relations``, event-to-timex ``anchors``), runs claimline's whole
pipeline on each article with the DCT as publication date, and reports, for all documents and for the
odd and even documents separately (a rule that helps only one half is fitted, not general):

- event precision: share of timeline events whose trigger overlaps a TimeML event;
- MATRES event recall: share of the events MATRES orders that are in the timeline;
- pair coverage: share of MATRES BEFORE/AFTER pairs with both events in the timeline;
- order accuracy on covered pairs (the order of the two events in the ``timeline`` list) beside the
  narrative-order baseline on the same pairs (the order the text mentions them in);
- decided share and precision: covered pairs the timeline decides by non-overlapping
  ``earliest``/``latest`` intervals or a relation it states between the two events;
- anchor recall: gold anchors whose event is in the timeline with ``time`` at an overlapping timex;
- bad summaries: share starting with a complementiser or relative pronoun, or ending on a preposition;
- the events stage time beside the spaCy model time.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from claimline.errors import UsageError
from claimline.models import Article, Event

ORDERED = ("BEFORE", "AFTER")


@dataclass(frozen=True)
class GoldEvent:
    id: str
    start: int
    end: int
    in_matres: bool


@dataclass(frozen=True)
class GoldPair:
    source: str
    target: str
    relation: str  # BEFORE | AFTER


@dataclass(frozen=True)
class GoldAnchor:
    event: str
    start: int  # of the timex
    end: int


@dataclass
class OrderingDoc:
    id: str
    text: str
    dct: date | None
    events: list[GoldEvent]
    pairs: list[GoldPair]
    anchors: list[GoldAnchor]


def _dct(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parse_record(record: dict[str, Any]) -> OrderingDoc:
    """One line of the dev set (pairs: BEFORE/AFTER only; VAGUE and EQUAL give no order)."""
    events = [GoldEvent(e["id"], e["start"], e["end"], bool(e.get("in_matres"))) for e in record["events"]]
    timexes = {t["id"]: (t["start"], t["end"]) for t in record.get("timexes", [])}
    pairs = [
        GoldPair(r["source"], r["target"], r["relation"])
        for r in record.get("relations", [])
        if r["relation"] in ORDERED
    ]
    anchors = [
        GoldAnchor(a["event"], *timexes[a["timex"]])
        for a in record.get("anchors", [])
        if a["timex"] in timexes
    ]
    return OrderingDoc(
        str(record.get("id") or record.get("doc")),
        record["text"],
        _dct(record.get("dct")),
        events,
        pairs,
        anchors,
    )


def load_jsonl(path: Path) -> list[OrderingDoc]:
    docs: list[OrderingDoc] = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                docs.append(parse_record(json.loads(line)))
            except (ValueError, KeyError, TypeError) as error:
                raise UsageError(f"{path}:{number}: not an ordering record ({error})") from error
    return docs


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# Words a readable summary never starts with (it would be a subordinate clause) or ends on (a dangling
# preposition). Scored here; the summary builder reads the same lists (lang/en/events.toml).
def _bad_summary(summary: str) -> bool:
    from claimline.lang.events import events_lang

    words = summary.replace("…", " ").split()
    if not words:
        return True
    lang = events_lang()
    first = words[0].lower().strip("\"'“‘(")
    last = words[-1].lower().strip("\"'”’).,;:")
    return first in lang.summary_bad_starts or last in lang.summary_bad_ends


@dataclass
class OrderingCounts:
    """Counts over some documents; figures are their ratios."""

    documents: int = 0
    system_events: int = 0
    system_events_matched: int = 0
    matres_events: int = 0
    matres_events_found: int = 0
    pairs: int = 0
    covered: int = 0
    order_correct: int = 0
    narrative_correct: int = 0
    decided: int = 0
    decided_correct: int = 0
    anchors: int = 0
    anchors_found: int = 0
    summaries: int = 0
    bad_summaries: int = 0

    def add(self, other: OrderingCounts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        def ratio(part: int, whole: int) -> float:
            return part / whole if whole else 0.0

        return {
            "event_precision": ratio(self.system_events_matched, self.system_events),
            "matres_event_recall": ratio(self.matres_events_found, self.matres_events),
            "pair_coverage": ratio(self.covered, self.pairs),
            "order_accuracy": ratio(self.order_correct, self.covered),
            "narrative_baseline": ratio(self.narrative_correct, self.covered),
            "decided_share": ratio(self.decided, self.covered),
            "decided_precision": ratio(self.decided_correct, self.decided),
            "anchor_recall": ratio(self.anchors_found, self.anchors),
            "bad_summaries": ratio(self.bad_summaries, self.summaries),
        }


@dataclass(frozen=True)
class OrderError:
    doc: str
    relation: str
    source: str
    target: str
    source_sentence: str
    target_sentence: str
    placements: str


def _decided(first: Event, second: Event) -> bool:
    """The timeline itself says which of the two starts first: disjoint intervals or a stated relation."""
    dated = first.earliest and first.latest and second.earliest and second.latest
    if dated and (first.latest < second.earliest or second.latest < first.earliest):  # type: ignore[operator]
        return True
    return any(r.event == second.id for r in first.relations) or any(
        r.event == first.id for r in second.relations
    )


def _sentence_of(article: Article, char: int) -> str:
    for sentence in article.sentences:
        if sentence.start <= char < sentence.end:
            return sentence.text
    return ""


def score_document(
    doc: OrderingDoc, article: Article, errors: list[OrderError] | None = None
) -> OrderingCounts:
    """Counts for one article's timeline against its gold; wrongly ordered pairs go to `errors`."""
    counts = OrderingCounts(documents=1)
    timeline = article.timeline
    counts.system_events = len(timeline)
    counts.summaries = len(timeline)
    counts.bad_summaries = sum(_bad_summary(event.summary) for event in timeline)
    counts.system_events_matched = sum(
        any(_overlaps(e.trigger.start, e.trigger.end, g.start, g.end) for g in doc.events) for e in timeline
    )
    # gold event id -> position of the first timeline event whose trigger overlaps it
    position: dict[str, int] = {}
    for gold in doc.events:
        for number, event in enumerate(timeline):
            if _overlaps(event.trigger.start, event.trigger.end, gold.start, gold.end):
                position[gold.id] = number
                break
    gold_by_id = {g.id: g for g in doc.events}
    matres = [g for g in doc.events if g.in_matres]
    counts.matres_events = len(matres)
    counts.matres_events_found = sum(g.id in position for g in matres)
    for pair in doc.pairs:
        counts.pairs += 1
        if pair.source not in position or pair.target not in position:
            continue
        counts.covered += 1
        source, target = position[pair.source], position[pair.target]
        gold_before = pair.relation == "BEFORE"
        right = source != target and (source < target) == gold_before
        counts.order_correct += right
        text_before = gold_by_id[pair.source].start < gold_by_id[pair.target].start
        counts.narrative_correct += text_before == gold_before
        if source != target and _decided(timeline[source], timeline[target]):
            counts.decided += 1
            counts.decided_correct += right
        if not right and errors is not None:
            first, second = timeline[source], timeline[target]
            errors.append(
                OrderError(
                    doc.id,
                    pair.relation,
                    f"{first.trigger.text} ({first.id}, {first.placement})",
                    f"{second.trigger.text} ({second.id}, {second.placement})",
                    _sentence_of(article, first.trigger.start),
                    _sentence_of(article, second.trigger.start),
                    f"timeline positions {source} and {target}",
                )
            )
    times = {t.id: t for t in article.times}
    for anchor in doc.anchors:
        counts.anchors += 1
        if anchor.event not in position:
            continue
        event = timeline[position[anchor.event]]
        found = times.get(event.time) if event.time else None
        counts.anchors_found += found is not None and _overlaps(
            found.start, found.end, anchor.start, anchor.end
        )
    return counts


@dataclass
class OrderingReport:
    model: str = "default"
    total: OrderingCounts = field(default_factory=OrderingCounts)
    odd: OrderingCounts = field(default_factory=OrderingCounts)  # documents 1, 3, 5, ... of the file
    even: OrderingCounts = field(default_factory=OrderingCounts)
    model_seconds: float = 0.0
    events_seconds: float = 0.0
    errors: list[OrderError] = field(default_factory=list)

    def add(self, number: int, counts: OrderingCounts) -> None:
        """Counts of the `number`th document (0-based) of the file."""
        self.total.add(counts)
        (self.odd if number % 2 == 0 else self.even).add(counts)

    @property
    def time_ratio(self) -> float:
        return self.events_seconds / self.model_seconds if self.model_seconds else 0.0

    def to_dict(self, with_errors: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {
            "model": self.model,
            "documents": self.total.documents,
            "pairs": self.total.pairs,
            "covered_pairs": self.total.covered,
            "timeline_events": self.total.system_events,
            **self.total.figures(),
            "halves": {"odd": self.odd.figures(), "even": self.even.figures()},
            "timing": {
                "model_seconds": self.model_seconds,
                "events_seconds": self.events_seconds,
                "ratio": self.time_ratio,
            },
        }
        if with_errors:
            result["errors"] = [error.__dict__ for error in self.errors]
        return result

    def to_text(self, with_errors: bool = False) -> str:
        t, odd, even = self.total.figures(), self.odd.figures(), self.even.figures()

        def row(label: str, key: str) -> str:
            return f"  {label:<34} {t[key]:.3f}   (odd {odd[key]:.3f}, even {even[key]:.3f})"

        lines = [
            f"Event-ordering evaluation: {self.total.documents} documents, "
            f"{self.total.system_events} timeline events, {self.total.pairs} MATRES BEFORE/AFTER pairs "
            f"(model {self.model})",
            row("event precision", "event_precision"),
            row("MATRES event recall", "matres_event_recall"),
            row("pair coverage", "pair_coverage"),
            row("order accuracy (covered pairs)", "order_accuracy"),
            row("narrative baseline (same pairs)", "narrative_baseline"),
            row("decided share (covered pairs)", "decided_share"),
            row("decided precision", "decided_precision"),
            row("anchor recall", "anchor_recall"),
            row("bad summaries", "bad_summaries"),
            f"  time: spaCy model {self.model_seconds:.2f}s, events stage {self.events_seconds:.2f}s "
            f"(ratio {self.time_ratio:.1%})",
        ]
        if with_errors:
            lines.append(f"Wrongly ordered pairs ({len(self.errors)}):")
            for error in self.errors:
                lines.append(f"  {error.doc}: gold {error.source} {error.relation} {error.target}")
                lines.append(f"    {' '.join(error.source_sentence.split())}")
                if error.target_sentence != error.source_sentence:
                    lines.append(f"    {' '.join(error.target_sentence.split())}")
        return "\n".join(lines)


def evaluate(
    path: Path, *, model: str | None = None, limit: int | None = None, errors: bool = False
) -> OrderingReport:
    """Run claimline on every article of `path` (the DCT as publication date) and score its timeline."""
    from claimline.components import EVENTS
    from claimline.pipeline import build_article, load_pipeline, model_name, parse, prepare

    docs = load_jsonl(path)
    if limit is not None:
        docs = docs[:limit]
    nlp = load_pipeline(model)
    report = OrderingReport(model=model_name(model))
    prepared = [prepare(d.text, published=d.dct, name=d.id) for d in docs]
    started = time.perf_counter()
    parsed = list(parse(nlp, (p.text for p in prepared)))
    report.model_seconds = time.perf_counter() - started
    seconds: dict[str, float] = {}
    for number, (doc, item, parsed_doc) in enumerate(zip(docs, prepared, parsed, strict=True)):
        article = build_article(parsed_doc, item, nlp, seconds=seconds)
        report.add(number, score_document(doc, article, report.errors if errors else None))
    report.events_seconds = seconds.get(EVENTS, 0.0)
    return report
