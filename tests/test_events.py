"""Events and the timeline, on short texts written for these tests.

The tables below say, for each signal, tense pattern and modality, which event the timeline lists
first, what anchors an event and how it is marked. Each case is a sentence or two the project wrote.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimline import extract
from claimline.models import Article, Event

pytestmark = pytest.mark.usefixtures("nlp")


def triggers(article: Article) -> list[str]:
    return [event.trigger.lemma for event in article.timeline]


def event(article: Article, lemma: str) -> Event:
    found = [e for e in article.timeline if e.trigger.lemma == lemma]
    assert found, f"no event {lemma!r} in {triggers(article)}"
    return found[0]


def time_text(article: Article, item: Event) -> str | None:
    return next((t.text for t in article.times if t.id == item.time), None)


# (name, text, publication date, lemma listed first, lemma listed later)
ORDER_CASES = [
    (
        "dates",
        "The ministry opened an inquiry on 20 May 2024. The bridge collapsed on 2 May 2024.",
        "2024-06-01",
        "collapse",
        "open",
    ),
    ("after clause", "The army withdrew after the talks collapsed.", "2024-06-01", "collapse", "withdraw"),
    (
        "after phrase",
        "The army withdrew its troops after the collapse of the talks.",
        "2024-06-01",
        "collapse",
        "withdraw",
    ),
    (
        "before clause",
        "The minister resigned before the parliament voted on the budget.",
        "2024-06-01",
        "resign",
        "vote",
    ),
    (
        "until clause",
        "Rescuers searched the rubble until the storm returned.",
        "2024-06-01",
        "search",
        "return",
    ),
    ("when clause", "Prices fell sharply when the central bank raised rates.", "2024-06-01", "raise", "fall"),
    (
        "because clause",
        "The match was cancelled because a storm flooded the stadium.",
        "2024-06-01",
        "flood",
        "cancel",
    ),
    (
        "earlier",
        "The council approved the plan on Monday. Earlier, the mayor had rejected a first draft.",
        "2024-07-15",
        "reject",
        "approve",
    ),
    (
        "later",
        "The company will publish its results. Later, the board will meet the investors.",
        "2024-07-15",
        "publish",
        "meet",
    ),
    (
        "past perfect",
        "The company recalled the cars. Engineers had found a defect in the brakes.",
        "2024-07-15",
        "find",
        "recall",
    ),
    (
        "cause noun",
        "The strike was a response to the closure of the plant.",
        "2024-07-15",
        "closure",
        "strike",
    ),
    ("reported past", "The mayor said that the factory closed.", "2024-07-15", "close", "say"),
    ("reported future", "The mayor said that the factory will reopen.", "2024-07-15", "say", "reopen"),
    (
        "past before future",
        "Engineers will inspect the dam. A flood damaged its gates.",
        "2024-07-15",
        "damage",
        "inspect",
    ),
    (
        "embedded relative clause",
        "Police arrested the man who robbed the bank.",
        "2024-07-15",
        "rob",
        "arrest",
    ),
    (
        "present perfect before statement",
        "The river has burst its banks, officials said.",
        "2024-07-15",
        "burst",
        "say",
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "published", "first", "later"), ORDER_CASES, ids=[c[0] for c in ORDER_CASES]
)
def test_ordering_case(name: str, text: str, published: str, first: str, later: str) -> None:
    article = extract(text, published=published)
    order = triggers(article)
    assert first in order and later in order, order
    assert order.index(first) < order.index(later), f"{name}: {order}"


def test_a_stated_relation_is_kept_in_the_output() -> None:
    article = extract(
        "The council approved the plan on Monday. Earlier, the mayor had rejected a first draft.",
        published="2024-07-17",
    )
    reject, approve = event(article, "reject"), event(article, "approve")
    assert {"type": "BEFORE", "event": approve.id} in [r.model_dump() for r in reject.relations]
    assert reject.placement == "relation" and approve.placement == "date"


# (name, text, publication date, lemma, the time expression anchoring it, or None)
ANCHOR_CASES = [
    (
        "own clause",
        "Troops struck targets on the night of 18 March.",
        "2025-04-05",
        "strike",
        "the night of 18 March",
    ),
    (
        "when clause",
        "The truce ended on 18 March 2025 when the army resumed its strikes.",
        "2025-04-05",
        "resume",
        "18 March 2025",
    ),
    (
        "coordinated",
        "Israel resumed its operations on 18 March and struck targets in Gaza.",
        "2025-04-05",
        "strike",
        "18 March",
    ),
    (
        "sentence-initial scope",
        "In late March, the envoy visited Cairo. He met the president there.",
        "2025-04-05",
        "meet",
        "late March",
    ),
    (
        "scope ends with the paragraph",
        "In late March, the envoy visited Cairo.\n\nHe met the president.",
        "2025-04-05",
        "meet",
        None,
    ),
    ("dated noun", "The Aug. 7 bombing of the embassy shocked the city.", "1998-08-10", "bombing", "Aug. 7"),
    (
        "statement, not its content",
        "Reyes warned on Monday that prices would rise next year.",
        "2024-06-05",
        "warn",
        "Monday",
    ),
    (
        "no content date for the statement",
        "Reyes warned that prices would rise next year.",
        "2024-06-05",
        "warn",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "published", "lemma", "expected"), ANCHOR_CASES, ids=[c[0] for c in ANCHOR_CASES]
)
def test_anchoring_case(name: str, text: str, published: str, lemma: str, expected: str | None) -> None:
    article = extract(text, published=published)
    assert time_text(article, event(article, lemma)) == expected, name


def test_a_statement_with_future_content_is_placed_at_its_own_time() -> None:
    article = extract("Reyes warned that prices would rise in 2025.", published="2024-06-05")
    warn, rise = event(article, "warn"), event(article, "rise")
    assert warn.time is None and warn.placement == "tense"
    assert warn.latest is not None and warn.latest.isoformat() == "2024-06-05"  # said before publication
    assert warn.earliest is None
    assert triggers(article).index("warn") < triggers(article).index("rise")
    assert rise.modality == "possible"


def test_a_statement_links_its_claim() -> None:
    article = extract("Maria Lopez said the factory closed on Friday.", published="2024-07-15")
    say = event(article, "say")
    assert say.claim is not None and say.claim in {c.id for c in article.claims}
    assert event(article, "close").claim is None


# (name, text, lemma, polarity, modality, placed as fact)
MODALITY_CASES = [
    ("actual", "Workers returned to the plant.", "return", "positive", "actual", True),
    ("negated", "Workers did not return to the plant.", "return", "negative", "actual", False),
    ("future", "The union will strike next week.", "strike", "positive", "future", True),
    ("modal", "The plant may close.", "close", "positive", "possible", False),
    ("conditional", "The union will strike if talks fail.", "fail", "positive", "possible", False),
    ("intended", "The government plans to raise taxes.", "raise", "positive", "intended", False),
    ("going to", "The government is going to raise taxes.", "raise", "positive", "future", True),
]


@pytest.mark.parametrize(
    ("name", "text", "lemma", "polarity", "modality", "placed"),
    MODALITY_CASES,
    ids=[c[0] for c in MODALITY_CASES],
)
def test_modality_case(name: str, text: str, lemma: str, polarity: str, modality: str, placed: bool) -> None:
    item = event(extract(text, published="2024-07-15"), lemma)
    assert (item.polarity, item.modality) == (polarity, modality), name
    assert (item.placement != "narrative") == placed, item.placement


def test_future_is_after_and_past_before_the_publication_date() -> None:
    article = extract("The storm damaged the roads. Crews will repair them.", published="2024-07-15")
    damage, repair = event(article, "damage"), event(article, "repair")
    assert (damage.placement, damage.earliest, str(damage.latest)) == ("tense", None, "2024-07-15")
    assert (repair.placement, str(repair.earliest), repair.latest) == ("tense", "2024-07-15", None)


def test_event_nouns_with_an_argument_are_events() -> None:
    article = extract("The resumption of hostilities worried the envoys.", published="2024-07-15")
    assert "resumption" in triggers(article)
    assert "resumption" not in triggers(extract("A resumption worried the envoys.", published="2024-07-15"))


def test_a_noun_and_the_verb_it_names_are_placed_together() -> None:
    article = extract(
        "Israel resumed its strikes on 18 March. The resumption was a response to Hamas' refusal of a plan.",
        published="2025-04-05",
    )
    resumption, resumed = event(article, "resumption"), event(article, "resume")
    assert {"type": "SIMULTANEOUS", "event": resumed.id} in [r.model_dump() for r in resumption.relations]
    assert resumption.earliest == resumed.earliest
    refusal = event(article, "refusal")
    assert triggers(article).index("refusal") < triggers(article).index("resume")
    assert refusal.latest is not None and refusal.latest.isoformat() == "2025-03-18"


def test_event_actors_are_subject_and_object() -> None:
    article = extract("Germany defeated Brazil in Berlin on Sunday.", published="2024-07-15")
    names = {a.id: a.name for a in article.actors}
    item = event(article, "defeat")
    assert [names[a] for a in item.actors][:2] == ["Germany", "Brazil"]
    assert "Germany defeated Brazil" in item.summary


# (text, lemma, expected summary)
SUMMARY_CASES: list[tuple[str, str, str]] = [
    ("Hamas said it was Israel that broke the ceasefire first.", "break", "Israel broke the ceasefire first"),
    ("The group had responded to an offer made by Egypt.", "respond", "The group had responded to an offer"),
    (
        "Israel had put forth its own proposal as an alternative.",
        "put",
        "Israel had put forth its own proposal as an alternative",
    ),
    ("Officials said that the bridge collapsed.", "collapse", "the bridge collapsed"),
    (
        "The army resumed its operations and struck targets in Gaza.",
        "strike",
        "The army struck targets in Gaza",
    ),
]


@pytest.mark.parametrize(("text", "lemma", "expected"), SUMMARY_CASES)
def test_summary_is_a_readable_clause(text: str, lemma: str, expected: str) -> None:
    summary = event(extract(text, published="2024-07-15"), lemma).summary
    assert summary == expected


def test_ids_follow_timeline_order() -> None:
    article = extract("Talks began on 1 May 2024. A deal was signed on 3 April 2024.", published="2024-06-01")
    assert [e.id for e in article.timeline] == [f"e{n}" for n in range(len(article.timeline))]


def test_without_a_publication_date_intervals_stay_open() -> None:
    article = extract("The storm damaged the roads. Crews will repair them.")
    assert all(e.earliest is None and e.latest is None for e in article.timeline)
    assert triggers(article).index("damage") < triggers(article).index("repair")


def test_every_relation_agrees_with_the_timeline_order() -> None:
    article = extract(
        "The council approved the plan on Monday after the mayor had rejected a first draft. "
        "Later, the council will vote again, officials said.",
        published="2024-07-15",
    )
    position = {e.id: n for n, e in enumerate(article.timeline)}
    relations: list[dict[str, Any]] = [
        {"from": position[e.id], "to": position[r.event], "type": r.type}
        for e in article.timeline
        for r in e.relations
    ]
    assert relations
    for relation in relations:
        if relation["type"] == "BEFORE":
            assert relation["from"] < relation["to"]
        elif relation["type"] == "AFTER":
            assert relation["from"] > relation["to"]
