"""The error categories of `claimline eval claims --errors`, on hand-made gold and system claims.

Claims are token-index sets (the harness's tokens), so each case is a few integers: a gold claim
"source 0, cue 1, content 3-6" is ``claim(source={0}, cue={1}, content={3, 4, 5, 6})``.
"""

from __future__ import annotations

import pytest

from claimline.evaluation.claim_errors import (
    Describer,
    ErrorCase,
    ErrorReport,
    categorise,
)
from claimline.evaluation.claims import AnnotatedClaim, Tokens


def claim(content: set[int], source: set[int] | None = None, cue: set[int] | None = None) -> AnnotatedClaim:
    return AnnotatedClaim(
        content=frozenset(content),
        source=frozenset(source) if source is not None else None,
        cue=frozenset(cue) if cue is not None else None,
        direct=False,
    )


GOLD = claim({3, 4, 5, 6}, source={0}, cue={1})


def categories(
    system: list[AnnotatedClaim], gold: list[AnnotatedClaim], triggers: frozenset[int] = frozenset()
) -> list[str]:
    return [case.category for case in categorise(system, gold, triggers)]


def test_a_perfect_match_is_no_error() -> None:
    assert categories([claim({3, 4, 5, 6}, source={0}, cue={1})], [GOLD]) == []


@pytest.mark.parametrize(
    ("triggers", "expected"),
    [(frozenset(), "no cue word"), (frozenset({1}), "cue word, no claim")],
)
def test_a_miss_with_nothing_near_says_whether_the_cue_is_a_trigger(
    triggers: set[int], expected: str
) -> None:
    assert categories([], [GOLD], triggers) == [expected]


def test_a_gold_claim_without_cue_is_a_lexicon_miss() -> None:
    assert categories([], [claim({3, 4}, source={0})], frozenset({1})) == ["no cue word"]


@pytest.mark.parametrize(
    ("system", "miss", "false"),
    [
        (claim({3, 4, 5, 6}, cue={1}), "speaker missing", "speaker disagrees"),
        (claim({3, 4, 5, 6}, source={8}, cue={1}), "speaker wrong", "speaker disagrees"),
    ],
)
def test_content_found_but_speaker_not(system: AnnotatedClaim, miss: str, false: str) -> None:
    assert categories([system], [GOLD]) == [miss, false]


def test_a_speaker_where_the_gold_has_none() -> None:
    gold = claim({3, 4, 5}, cue={1})
    assert categories([claim({3, 4, 5}, source={0}, cue={1})], [gold]) == [
        "speaker where gold has none",
        "speaker disagrees",
    ]


def test_one_system_claim_for_two_gold_claims_takes_the_content_of_one() -> None:
    second = claim({6, 7}, source={0}, cue={1})
    assert categories([claim({3, 4, 5, 6, 7}, source={0}, cue={1})], [GOLD, second]) == ["content taken"]


def test_two_system_claims_for_one_gold_claim_leave_a_duplicate() -> None:
    system = [claim({3, 4, 5, 6}, source={0}, cue={1}), claim({5, 6}, source={0}, cue={1})]
    assert categories(system, [GOLD]) == ["duplicate"]


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (claim({3}, source={0}, cue={1}), "content boundary"),  # Dice 0.4
        (claim({3, 4, 5, 6}, source={0}, cue={1, 2}), "cue boundary"),
        (claim({3, 4, 5, 6}, source={0}, cue={2}), "cue other word"),
        (claim({3, 4, 5, 6}, source={0, 9}, cue={1}), "speaker boundary"),
    ],
)
def test_a_joint_match_can_still_miss_a_boundary(system: AnnotatedClaim, expected: str) -> None:
    assert categories([system], [GOLD]) == [expected]


def test_the_content_boundary_comes_before_the_cue() -> None:
    assert categories([claim({3}, source={0}, cue={2})], [GOLD]) == ["content boundary"]


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        (claim({10, 11}, source={8}, cue={9}), "not an attribution in the gold"),
        (claim({10, 11}, source={0}, cue={1}), "content off the gold's"),
    ],
)
def test_a_false_claim_away_from_the_gold_content(system: AnnotatedClaim, expected: str) -> None:
    assert categories([system], [GOLD]) == ["no cue word", expected]


def test_the_report_counts_shares_and_keeps_three_examples() -> None:
    text = "He said the deal is dead. They said it is not. We said so. I said no."
    spans = Tokens(text).spans
    system: list[AnnotatedClaim] = []
    gold = [claim({2, 3, 4, 5}, source={0}, cue={1})]
    describe = Describer(text, spans, [(0, 25), (26, 46)], system, gold)
    report = ErrorReport(gold=4, system=0)
    for _ in range(4):
        report.add([ErrorCase("no cue word", 0, None)], describe, describe.cue_word)
    assert report.counts["no cue word"] == 4
    assert len(report.examples["no cue word"]) == 3
    assert report.examples["no cue word"][0].startswith("He said the deal is dead.\n    gold: cue 'said'")
    assert report.cue_words["no cue word"] == {"said": 4}
    row = next(row for row in report.rows() if row[1] == "no cue word")
    assert row == ("miss", "no cue word", 4, 1.0)
    assert "frequent cues: said 4" in report.to_text()


def test_two_apostrophes_make_a_direct_content() -> None:
    from claimline.evaluation.claims import is_direct

    text = "''We will win,'' he said."
    assert is_direct(text, [(0, 17)])
    assert not is_direct(text, [(18, 20)])
