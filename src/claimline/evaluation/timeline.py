"""Cross-article timeline harness: SemEval-2015 Task 4 ("TimeLine") entity timelines.

Input (the format of the shared dev set, see its README): a JSONL of articles
``{"id", "title", "dct", "text", ...}`` and a JSONL of gold timelines
``{"id", "entity", "entries": [{"rank", "date", "mentions": [{"doc", "start", "end", "text"}]}]}``.

The articles run through the pipeline (`prepare` with the DCT as publication date, `parse`,
`build_article`); then one `merge_timelines` per gold entity, the entity's name as the actor query.
A system mention is the gold one when it is in the same article and overlaps it (one to one, in
order of overlap). Reported: temporal awareness (see `awareness`), mention P/R/F1 (every entry, rank 0
included), date accuracy over matched mentions (dates compared at their precision: `2008-06-XX` is
`2008-06`), per entity, and with `errors=True` the missed, spurious and wrongly dated mentions.

`baseline="naive"` scores the naive join instead: every per-article event one of whose actors has
the entity's name, dated by its `earliest`, undated ones left out; `"naive-dct"` dates those by the
publication date.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimline.crossdoc.dates import UNKNOWN
from claimline.crossdoc.linking import name_key
from claimline.crossdoc.merge import merge_timelines, read_digests
from claimline.errors import InputError
from claimline.evaluation.awareness import AwarenessCounts, Entry, awareness, normalise_date
from claimline.evaluation.scoring import precision_recall_f1
from claimline.models import Article

Span = tuple[str, int, int]  # (doc, start, end)


@dataclass
class SystemEntry:
    rank: int
    date: str
    mentions: list[tuple[Span, str]]  # (span, text)


@dataclass
class EntityScore:
    entity: str
    counts: AwarenessCounts
    matched: int
    system: int
    gold: int
    dated_right: int
    errors: list[str] = field(default_factory=list)


@dataclass
class TimelineReport:
    entities: list[EntityScore]
    articles: int
    mode: str

    def totals(self) -> tuple[AwarenessCounts, int, int, int, int]:
        counts = AwarenessCounts()
        for entity in self.entities:
            counts.add(entity.counts)
        return (
            counts,
            sum(e.matched for e in self.entities),
            sum(e.system for e in self.entities),
            sum(e.gold for e in self.entities),
            sum(e.dated_right for e in self.entities),
        )

    def to_dict(self) -> dict[str, Any]:
        counts, matched, system, gold, dated = self.totals()
        p, r, f = counts.scores()
        mp, mr, mf = precision_recall_f1(matched, system, gold)
        return {
            "mode": self.mode,
            "articles": self.articles,
            "entities": len(self.entities),
            "temporal_awareness": {"precision": 100 * p, "recall": 100 * r, "f1": 100 * f},
            "mentions": {
                "precision": mp,
                "recall": mr,
                "f1": mf,
                "matched": matched,
                "system": system,
                "gold": gold,
            },
            "date_accuracy": dated / matched if matched else 0.0,
            "per_entity": {
                e.entity: {
                    "f1": 100 * e.counts.scores()[2],
                    "mention_f1": precision_recall_f1(e.matched, e.system, e.gold)[2],
                }
                for e in self.entities
            },
        }

    def to_text(self, errors: bool = False) -> str:
        figures = self.to_dict()
        ta, mentions = figures["temporal_awareness"], figures["mentions"]
        lines = [
            f"Cross-article timelines ({self.mode}): {self.articles} articles, {len(self.entities)} entities",
            f"temporal awareness P / R / F1: {ta['precision']:.1f} / {ta['recall']:.1f} / {ta['f1']:.1f}",
            "mentions P / R / F1: "
            f"{mentions['precision']:.3f} / {mentions['recall']:.3f} / {mentions['f1']:.3f}"
            f"  ({mentions['matched']} matched, {mentions['system']} system, {mentions['gold']} gold)",
            f"date accuracy (matched mentions): {figures['date_accuracy']:.3f}",
            "per entity (F1 / mention F1):",
        ]
        for entity in self.entities:
            f1 = 100 * entity.counts.scores()[2]
            mf1 = precision_recall_f1(entity.matched, entity.system, entity.gold)[2]
            lines.append(f"  {entity.entity}: {f1:.1f} / {mf1:.3f}")
        if errors:
            for entity in self.entities:
                lines.append(f"errors: {entity.entity}")
                lines.extend(f"  {line}" for line in entity.errors)
        return "\n".join(lines)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})", code="unreadable") from None
    items = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: invalid JSON ({error.msg})") from None
    return items


def run_pipeline(docs: Sequence[dict[str, Any]], model: str | None = None) -> list[Article]:
    """Each document through the pipeline, its DCT as publication date, its id as the article id."""
    from claimline.pipeline import build_article, load_pipeline, parse, prepare

    nlp = load_pipeline(model)
    prepared = [prepare(d["text"], published=d.get("dct"), name=str(d["id"])) for d in docs]
    articles = []
    for doc, item, source in zip(parse(nlp, [p.text for p in prepared]), prepared, docs, strict=True):
        article = build_article(doc, item, nlp)
        article.id = str(source["id"])
        articles.append(article)
    return articles


def system_timeline(articles: Sequence[Any], entity: str) -> list[SystemEntry]:
    """claimline's merged chronology of `entity` as (rank, date, mentions) entries."""
    merged = merge_timelines(articles, actors=[entity])
    chronology = merged.timelines[0]
    events = {e.id: e for e in merged.events}
    return [
        SystemEntry(
            rank=events[eid].rank,
            date=events[eid].date,
            mentions=[((m.article, m.start, m.end), m.text) for m in events[eid].mentions],
        )
        for eid in chronology.events
    ]


def naive_timeline(articles: Sequence[Article], entity: str, *, dct: bool) -> list[SystemEntry]:
    """The naive join the dev set's README describes (for the baseline figures)."""
    key = name_key(entity)
    entries = []
    for article in articles:
        named = {a.id for a in article.actors if any(name_key(n) == key for n in [a.name, *a.aliases])}
        for event in article.timeline:
            if not named & set(event.actors):
                continue
            day = event.earliest or (article.source.published if dct else None)
            span = ((article.id or "", event.trigger.start, event.trigger.end), event.trigger.text)
            entries.append(SystemEntry(rank=0, date=day.isoformat() if day else UNKNOWN, mentions=[span]))
    days = sorted({e.date for e in entries if e.date != UNKNOWN})
    for entry in entries:
        entry.rank = days.index(entry.date) + 1 if entry.date in days else 0
    return entries


def _node(side: str, span: Span) -> str:
    return f"{side}:{span[0]}:{span[1]}:{span[2]}"


def _gold_span(mention: dict[str, Any]) -> Span:
    """A gold mention's span; one the gold could not place in its article ("doc not found") has -1s."""
    return (str(mention["doc"]), int(mention.get("start", -1)), int(mention.get("end", -1)))


def _match(system: list[SystemEntry], gold: list[dict[str, Any]]) -> dict[Span, str]:
    """System mention span -> gold node id, one to one, the largest overlaps first."""
    pairs = []
    for entry in gold:
        for m in entry["mentions"]:
            gold_span = _gold_span(m)
            for s in system:
                for (doc, start, end), _ in s.mentions:
                    if doc == gold_span[0] and start < gold_span[2] and gold_span[1] < end:
                        overlap = min(end, gold_span[2]) - max(start, gold_span[1])
                        pairs.append((-overlap, (doc, start, end), gold_span))
    pairs.sort()
    taken_s: set[Span] = set()
    taken_g: set[Span] = set()
    mapping: dict[Span, str] = {}
    for _, s_span, g_span in pairs:
        if s_span not in taken_s and g_span not in taken_g:
            taken_s.add(s_span)
            taken_g.add(g_span)
            mapping[s_span] = _node("G", g_span)
    return mapping


def score_entity(entity: str, system: list[SystemEntry], gold: list[dict[str, Any]]) -> EntityScore:
    mapping = _match(system, gold)
    gold_entries = [
        Entry(int(e["rank"]), str(e["date"]), tuple(_node("G", _gold_span(m)) for m in e["mentions"]))
        for e in gold
    ]
    system_entries = [
        Entry(s.rank, s.date, tuple(mapping.get(span, _node("S", span)) for span, _ in s.mentions))
        for s in system
    ]
    gold_date = {node: e.date for e in gold_entries for node in e.nodes}
    gold_text = {
        _node("G", _gold_span(m)): m.get("text", m.get("words", "")) for e in gold for m in e["mentions"]
    }
    result = EntityScore(
        entity,
        awareness(system_entries, gold_entries),
        len(mapping),
        sum(len(s.mentions) for s in system),
        len(gold_date),
        0,
    )
    found = set(mapping.values())
    for s in system:
        for span, text in s.mentions:
            node = mapping.get(span)
            if node is None:
                result.errors.append(f"spurious {span[0]}:{span[1]} {text!r} {s.date}")
            elif normalise_date(s.date) == normalise_date(gold_date[node]):
                result.dated_right += 1
            else:
                result.errors.append(f"date {span[0]}:{span[1]} {text!r} {s.date} (gold {gold_date[node]})")
    for node, day in gold_date.items():
        if node not in found:
            result.errors.append(f"missed {node[2:]} {gold_text[node]!r} {day}")
    result.errors.sort(key=lambda line: line.split()[0])
    return result


def evaluate(
    docs_path: Path,
    timelines_path: Path,
    *,
    model: str | None = None,
    baseline: str | None = None,
) -> TimelineReport:
    docs = _read_jsonl(docs_path)
    gold = _read_jsonl(timelines_path)
    articles = run_pipeline(docs, model)
    digests = list(read_digests(articles, []))
    scores = []
    for timeline in gold:
        entity = str(timeline["entity"])
        if baseline is None:
            system = system_timeline(digests, entity)
        else:
            system = naive_timeline(articles, entity, dct=baseline == "naive-dct")
        scores.append(score_entity(entity, system, timeline["entries"]))
    return TimelineReport(scores, len(articles), baseline or "claimline")
