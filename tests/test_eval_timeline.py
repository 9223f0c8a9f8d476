"""The temporal-awareness scorer on tiny hand-made timelines (closure and reduction checked by hand)."""

from __future__ import annotations

import pytest

from claimline.evaluation.awareness import Entry, awareness, build_graph, closure, normalise_date, reduction
from claimline.evaluation.timeline import SystemEntry, score_entity


def test_graph_closure_and_reduction_by_hand() -> None:
    # rank 1: e1, e2 on 2008-06 ; rank 2: e3 on 2009 ; rank 0 left out
    entries = [
        Entry(1, "2008-06-XX", ("e1", "e2")),
        Entry(2, "2009", ("e3",)),
        Entry(0, "XXXX-XX-XX", ("e4",)),
    ]
    graph = build_graph(entries)
    # closure: e1=e2, e1=T08, e2=T08 (3) ; {e1,e2,T08} < {e3,T09} (3 x 2 = 6) ; e3=T09 (1)
    assert closure(graph) == {
        ("T:2008-06", "=", "e1"),
        ("T:2008-06", "=", "e2"),
        ("e1", "=", "e2"),
        ("T:2009", "=", "e3"),
        ("e1", "<", "e3"),
        ("e1", "<", "T:2009"),
        ("e2", "<", "e3"),
        ("e2", "<", "T:2009"),
        ("T:2008-06", "<", "e3"),
        ("T:2008-06", "<", "T:2009"),
    }
    # reduction: each class a star from its time node, one BEFORE edge between the classes
    assert reduction(graph) == {
        ("T:2008-06", "=", "e1"),
        ("T:2008-06", "=", "e2"),
        ("T:2009", "=", "e3"),
        ("T:2008-06", "<", "T:2009"),
    }


def test_reduction_drops_before_edges_that_a_chain_implies() -> None:
    graph = build_graph(
        [Entry(1, "XXXX-XX-XX", ("a",)), Entry(2, "XXXX-XX-XX", ("b",)), Entry(3, "XXXX-XX-XX", ("c",))]
    )
    assert reduction(graph) == {("a", "<", "b"), ("b", "<", "c")}
    assert ("a", "<", "c") in closure(graph)


def test_awareness_counts() -> None:
    gold = [Entry(1, "2008", ("a",)), Entry(2, "2009", ("b",))]
    # the system has a on the right date, b undated but after a, and a spurious x with a
    system = [Entry(1, "2008", ("a", "x")), Entry(2, "XXXX-XX-XX", ("b",))]
    counts = awareness(system, gold)
    # S⁻ = {T08=a, T08=x, T08<b}: T08=a and T08<b are in G⁺ -> 2 of 3
    assert (counts.system_correct, counts.system) == (2, 3)
    # G⁻ = {T08=a, T09=b, T08<T09}: only T08=a is in S⁺ (S has no 2009 node) -> 1 of 3
    assert (counts.gold_found, counts.gold) == (1, 3)
    assert counts.scores()[2] == pytest.approx(2 * (2 / 3) * (1 / 3) / (2 / 3 + 1 / 3))


def test_identical_timelines_score_one() -> None:
    timeline = [Entry(1, "2008-06-09", ("a", "b")), Entry(2, "XXXX-XX-XX", ("c",))]
    assert awareness(timeline, timeline).scores() == (1.0, 1.0, 1.0)


def test_dates_compare_at_their_precision() -> None:
    assert normalise_date("2008-06-XX") == normalise_date("2008-06") == "2008-06"
    assert normalise_date("XXXX-XX-XX") is None and normalise_date("XXX-XX-XX") is None


def test_entity_scoring_matches_overlapping_mentions_one_to_one() -> None:
    gold = [
        {
            "rank": 1,
            "date": "2008-06",
            "mentions": [{"doc": "d1", "start": 10, "end": 18, "text": "launched"}],
        },
        {"rank": 2, "date": "2009", "mentions": [{"doc": "d2", "start": 5, "end": 9, "text": "sold"}]},
    ]
    system = [
        SystemEntry(1, "2008-06-XX", [(("d1", 10, 18), "launched"), (("d1", 12, 14), "un")]),
        SystemEntry(2, "2010-XX-XX", [(("d2", 0, 7), "it sold")]),
    ]
    score = score_entity("Acme", system, gold)
    assert (score.matched, score.system, score.gold, score.dated_right) == (2, 3, 2, 1)
    assert any(line.startswith("spurious d1:12") for line in score.errors)
    assert any(line.startswith("date d2:0") for line in score.errors)
