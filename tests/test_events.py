"""Events and the timeline, on short texts written for these tests."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from claimline import extract
from claimline.models import Article

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.usefixtures("nlp")


def triggers(article: Article) -> list[str]:
    return [event.trigger.lemma for event in article.timeline]


def test_timeline_is_ordered_by_date_not_narrative() -> None:
    article = extract(
        "The ministry opened an inquiry on 20 May 2024. The bridge collapsed on 2 May 2024.",
        published="2024-06-01",
    )
    order = triggers(article)
    assert order.index("collapse") < order.index("open")
    collapse = next(e for e in article.timeline if e.trigger.lemma == "collapse")
    assert collapse.earliest is not None and collapse.earliest.isoformat() == "2024-05-02"


def test_undated_events_keep_their_narrative_place() -> None:
    article = extract(
        "Rescuers reached the village on 3 June 2024. They evacuated forty families. "
        "The army built a bridge on 9 June 2024.",
        published="2024-06-30",
    )
    assert triggers(article) == ["reach", "evacuate", "build"]
    undated = next(e for e in article.timeline if e.trigger.lemma == "evacuate")
    assert undated.time is None and undated.earliest is None


def test_event_actors_are_subject_and_object() -> None:
    article = extract("Germany defeated Brazil in Berlin on Sunday.", published="2024-07-15")
    names = {a.id: a.name for a in article.actors}
    event = next(e for e in article.timeline if e.trigger.lemma == "defeat")
    assert [names[a] for a in event.actors][:2] == ["Germany", "Brazil"]
    assert "Germany defeated Brazil" in event.summary


def test_reporting_verbs_are_not_events() -> None:
    article = extract("Maria Lopez said the factory closed on Friday.", published="2024-07-15")
    assert "say" not in triggers(article)
    assert "close" in triggers(article)


def test_earlier_event_is_related_and_ordered_before() -> None:
    article = extract(
        "The council approved the plan on Monday. Earlier, the mayor had rejected a first draft.",
        published="2024-07-15",
    )
    order = triggers(article)
    assert order.index("reject") < order.index("approve")
    reject = next(e for e in article.timeline if e.trigger.lemma == "reject")
    approve = next(e for e in article.timeline if e.trigger.lemma == "approve")
    assert {"type": "BEFORE", "event": approve.id} in [r.model_dump() for r in reject.relations]


def test_modal_negated_and_conditional_verbs_are_not_events() -> None:
    article = extract(
        "The union will strike if talks fail. Workers did not return. The plant may close.",
        published="2024-07-15",
    )
    assert set(triggers(article)) & {"strike", "fail", "return", "close"} == set()


def test_when_clause_shares_the_main_clause_date() -> None:
    article = extract(
        "The truce ended on 18 March 2025 when the army resumed its strikes.",
        published="2025-04-05",
    )
    resumed = next(e for e in article.timeline if e.trigger.lemma == "resume")
    assert resumed.earliest is not None and resumed.earliest.isoformat() == "2025-03-18"


def test_ids_follow_timeline_order() -> None:
    article = extract("Talks began on 1 May 2024. A deal was signed on 3 April 2024.", published="2024-06-01")
    assert [e.id for e in article.timeline] == [f"e{n}" for n in range(len(article.timeline))]


def test_clause_times_match_a_walk_down_each_clause(nlp: Language) -> None:
    """`_clause_times` walks up from expressions; it must find what walking down each clause finds."""
    from claimline.events import _clause_times
    from claimline.models import TimeExpression

    doc = nlp(
        "On Monday the talks collapsed after Israel resumed strikes on 18 March, officials said, "
        "and the envoy, who had arrived on Sunday, left the next day while protests grew on Friday."
    )
    heads = {t.i for t in doc if t.pos_ in ("VERB", "NOUN")}
    times_by_start = {
        t.idx: TimeExpression(
            id=f"t{t.i}", start=t.idx, end=t.idx + len(t.text), text=t.text, type=kind, value="X"
        )
        for t, kind in zip(doc, itertools.cycle(["DATE", "DURATION", "TIME"]), strict=False)
    }

    def walk_down(head: int) -> TimeExpression | None:
        clause, stack = [], [doc[head]]
        while stack:
            token = stack.pop()
            clause.append(token)
            stack.extend(c for c in token.children if c.i not in heads)
        for token in sorted(clause, key=lambda t: t.i):
            time = times_by_start.get(token.idx)
            if time is not None and time.type in ("DATE", "TIME"):
                return time
        return None

    found = _clause_times(doc, heads, times_by_start)
    assert {h: walk_down(h) for h in heads if walk_down(h) is not None} == found
