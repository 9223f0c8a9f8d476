"""Merging timelines across articles: cases written for the project (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from claimline import merge_timelines
from claimline.crossdoc.dates import label_interval, precision_label
from claimline.crossdoc.linking import name_key
from claimline.crossdoc.tense import tense_of
from claimline.models import MergedTimeline
from tests.crossdoc_articles import make_article

JUNE_9 = (date(2008, 6, 9), date(2008, 6, 9))
JUNE = (date(2008, 6, 1), date(2008, 6, 30))
ACME = {"Acme Corp": ("organization", ["Acme"])}


def events_of(merged: MergedTimeline, name: str) -> list:  # type: ignore[type-arg]
    actor = next(a for a in merged.actors if a.name == name)
    timeline = next(t for t in merged.timelines if t.actor == actor.id)
    by_id = {e.id: e for e in merged.events}
    return [by_id[e] for e in timeline.events]


def test_one_event_reported_at_two_precisions_is_one_entry_with_the_precise_date() -> None:
    first = make_article(
        "wire",
        date(2008, 6, 10),
        "Acme launched the Rocket phone on Monday in Paris.",
        ACME,
        [("launched", "launch", ["Acme Corp"], JUNE_9)],
    )
    second = make_article(
        "weekly",
        date(2008, 7, 2),
        "In June Acme released the Rocket phone to buyers.",
        ACME,
        [("released", "release", ["Acme Corp"], JUNE)],
    )
    merged = merge_timelines([first, second], actors=["Acme Corp"])
    [event] = events_of(merged, "Acme Corp")
    assert event.date == "2008-06-09"
    assert event.date_source == "time"
    assert [(m.article, m.text) for m in event.mentions] == [("wire", "launched"), ("weekly", "released")]
    assert event.rank == 1


def test_conflicting_dates_stay_two_events_in_date_order() -> None:
    early = make_article(
        "a",
        date(2008, 6, 10),
        "Acme launched the Rocket phone in Paris.",
        ACME,
        [("launched", "launch", ["Acme Corp"], JUNE_9)],
    )
    late = make_article(
        "b",
        date(2008, 6, 21),
        "Acme launched the Rocket phone in Paris.",
        ACME,
        [("launched", "launch", ["Acme Corp"], (date(2008, 6, 20), date(2008, 6, 20)))],
    )
    merged = merge_timelines([late, early], actors=["Acme"])
    assert [(e.date, e.rank) for e in events_of(merged, "Acme Corp")] == [
        ("2008-06-09", 1),
        ("2008-06-20", 2),
    ]


def test_two_people_with_one_surname_stay_apart_and_a_bare_surname_links_to_neither() -> None:
    steve = make_article(
        "s",
        date(2011, 1, 1),
        "Steve Smith resigned. Smith left.",
        {"Steve Smith": ("person", ["Steve Smith", "Smith left"])},
        aliases={"Steve Smith": ["Smith"]},
    )
    laura = make_article(
        "l",
        date(2011, 1, 2),
        "Laura Smith spoke. Smith smiled.",
        {"Laura Smith": ("person", ["Laura Smith"])},
        aliases={"Laura Smith": ["Smith"]},
    )
    bare = make_article("x", date(2011, 1, 3), "Smith declined.", {"Smith": ("person", ["Smith"])})
    merged = merge_timelines([steve, laura, bare], top=5)
    names = {a.name: a for a in merged.actors}
    assert {"Steve Smith", "Laura Smith", "Smith"} <= set(names)
    assert [(s.article, s.actor) for s in names["Smith"].sources] == [("x", "a0")]


def test_variants_of_one_name_are_one_actor_with_the_per_article_ids() -> None:
    one = make_article(
        "1", date(2009, 1, 1), "Steve Smith spoke.", {"Steve Smith": ("person", ["Steve Smith"])}
    )
    two = make_article(
        "2",
        date(2009, 1, 2),
        "Acme CEO Steve Smith spoke.",
        {"Acme CEO Steve Smith": ("person", ["Acme CEO Steve Smith"])},
    )
    three = make_article("3", date(2009, 1, 3), "Smith spoke.", {"Smith": ("person", ["Smith"])})
    four = make_article(
        "4",
        date(2009, 1, 4),
        "General Motors and GM.",
        {"General Motors": ("organization", ["General Motors"])},
    )
    five = make_article("5", date(2009, 1, 5), "GM said.", {"GM": ("organization", ["GM"])})
    merged = merge_timelines([one, two, three, four, five], top=5)
    smith = next(a for a in merged.actors if a.name == "Steve Smith")
    assert [(s.article, s.actor) for s in smith.sources] == [("1", "a0"), ("2", "a0"), ("3", "a0")]
    gm = next(a for a in merged.actors if a.name == "General Motors")
    assert sorted(s.article for s in gm.sources) == ["4", "5"]


def test_a_quote_carried_by_three_outlets_is_one_claim_with_three_sources() -> None:
    quote = "“We will build the factory next year,” Jane Doe said."
    outlets = [
        make_article(
            outlet,
            date(2012, 3, day),
            f"{quote} Other words {outlet}.",
            {"Jane Doe": ("person", ["Jane Doe"])},
            claims=[("Jane Doe", "said", "say", "“We will build the factory next year,”")],
        )
        for day, outlet in ((4, "times"), (5, "post"), (3, "herald"))
    ]
    merged = merge_timelines(outlets, actors=["Jane Doe"])
    [claim] = merged.claims
    assert [s.article for s in claim.sources] == ["times", "post", "herald"]
    assert claim.date == "2012-03-03"  # the earliest publication: the statement is at or before it
    assert merged.timelines[0].claims == [claim.id]


def test_undated_past_events_take_the_publication_date_and_future_ones_stay_unplaced() -> None:
    article = make_article(
        "n",
        date(2020, 5, 4),
        "Acme closed the plant. Acme will open a store.",
        ACME,
        [("closed", "close", ["Acme Corp"], None), ("open", "open", ["Acme Corp"], None)],
    )
    article.timeline[1].summary = "Acme will open a store"
    merged = merge_timelines([article], actors=["Acme Corp"])
    assert [(e.lemma, e.date, e.date_source, e.rank) for e in events_of(merged, "Acme Corp")] == [
        ("close", "2020-05-04", "publication", 1),
        ("open", "XXXX-XX-XX", "none", 0),
    ]


def test_an_actor_no_article_names_gets_a_warning_and_an_empty_chronology() -> None:
    merged = merge_timelines([make_article("n", None, "Acme closed.", ACME)], actors=["Zeta Inc"])
    assert merged.warnings and "Zeta Inc" in merged.warnings[0]
    assert merged.timelines[0].events == []


@pytest.mark.parametrize(
    ("trigger", "lemma", "summary", "tense"),
    [
        ("launched", "launch", "Acme launched the phone", "past"),
        ("sold", "sell", "Acme sold it", "past"),
        ("sells", "sell", "Acme sells phones", "present"),
        ("open", "open", "Acme will open a store", "future"),
        ("selling", "sell", "Acme was selling phones", "past"),
        ("launch", "launch", "the launch", "unknown"),
    ],
)
def test_tense_rules(trigger: str, lemma: str, summary: str, tense: str) -> None:
    assert tense_of(trigger, lemma, summary) == tense


def test_date_labels_keep_the_precision_of_the_evidence() -> None:
    assert precision_label(date(2008, 6, 9), date(2008, 6, 9)) == "2008-06-09"
    assert precision_label(date(2008, 6, 1), date(2008, 6, 30)) == "2008-06-XX"
    assert precision_label(date(2008, 3, 1), date(2008, 5, 31)) == "2008-XX-XX"
    assert precision_label(date(2007, 12, 1), date(2008, 1, 31)) == "XXXX-XX-XX"
    interval = label_interval("2008-02-XX")
    assert interval is not None and (interval.earliest, interval.latest) == (
        date(2008, 2, 1),
        date(2008, 2, 29),
    )


def test_name_keys_ignore_case_articles_possessives_and_company_suffixes() -> None:
    assert name_key("The Apple Inc.") == ("apple",)
    assert name_key("Jobs’s") == ("jobs",)
    assert name_key("General Motors Corp") == ("general", "motors")


def test_an_undated_past_event_does_not_join_an_event_dated_after_its_article() -> None:
    old = make_article(
        "old",
        date(2005, 6, 6),
        "Acme announced the Rocket phone to the press.",
        ACME,
        [("announced", "announce", ["Acme Corp"], None)],
    )
    new = make_article(
        "new",
        date(2010, 6, 8),
        "Acme announced the Rocket phone to the press.",
        ACME,
        [("announced", "announce", ["Acme Corp"], (date(2010, 6, 7), date(2010, 6, 7)))],
    )
    merged = merge_timelines([old, new], actors=["Acme Corp"])
    assert [
        (e.date, e.date_source, [m.article for m in e.mentions]) for e in events_of(merged, "Acme Corp")
    ] == [
        ("2005-06-06", "publication", ["old"]),
        ("2010-06-07", "time", ["new"]),
    ]


def test_an_undated_mention_takes_the_date_of_the_same_event_told_with_a_date_elsewhere() -> None:
    dated = make_article(
        "dated",
        date(2010, 6, 8),
        "On Monday Acme unveiled the Rocket phone in Paris.",
        ACME,
        [("unveiled", "unveil", ["Acme Corp"], (date(2010, 6, 7), date(2010, 6, 7)))],
    )
    undated = make_article(
        "undated",
        date(2010, 6, 20),
        "Acme unveiled the Rocket phone in Paris to the press.",
        ACME,
        [("unveiled", "unveil", ["Acme Corp"], None)],
    )
    [event] = events_of(merge_timelines([dated, undated], actors=["Acme Corp"]), "Acme Corp")
    assert (event.date, len(event.mentions)) == ("2010-06-07", 2)
