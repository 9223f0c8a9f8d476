"""The seed article as the first golden test, compared field by field with tests/golden/seed.expected.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimline.models import Actor, Article, Claim, Event, TimeExpression
from tests.conftest import SEED_PUBLISHED
from tests.spans import assert_spans_match

EXPECTED: dict[str, Any] = json.loads(
    (Path(__file__).parent / "golden" / "seed.expected.json").read_text(encoding="utf-8")
)


def actor_named(article: Article, name: str) -> Actor:
    matches = [actor for actor in article.actors if actor.name == name]
    assert len(matches) == 1, f"expected one actor named {name!r}, got {[a.name for a in article.actors]}"
    return matches[0]


def time_matching(article: Article, spec: dict[str, Any]) -> TimeExpression:
    for time in article.times:
        if time.text == spec.get("text") or ("text_contains" in spec and spec["text_contains"] in time.text):
            return time
    raise AssertionError(f"no time expression like {spec}: {[t.text for t in article.times]}")


def test_published_and_source(seed_article: Article, seed_text: str) -> None:
    assert EXPECTED["published"] == SEED_PUBLISHED
    assert str(seed_article.source.published) == SEED_PUBLISHED
    for key, value in EXPECTED["source"].items():
        assert getattr(seed_article.source, key) == value, key
    assert seed_article.source.chars == len(seed_text)


def test_headline_is_title_not_a_sentence(seed_article: Article) -> None:
    title = EXPECTED["source"]["title"]
    assert seed_article.sentences[0].text.startswith(EXPECTED["first_sentence_starts"])
    assert all(title not in sentence.text for sentence in seed_article.sentences)
    assert [s.id for s in seed_article.sentences] == [f"s{n}" for n in range(len(seed_article.sentences))]


def test_every_span_points_into_the_text(seed_article: Article, seed_text: str) -> None:
    assert assert_spans_match(seed_article.model_dump(mode="json"), seed_text) > 50


@pytest.mark.parametrize("spec", EXPECTED["actors"], ids=lambda s: s["name"])
def test_actor(seed_article: Article, spec: dict[str, Any]) -> None:
    actor = actor_named(seed_article, spec["name"])
    if "kind" in spec:
        assert actor.kind == spec["kind"]
    mention_texts = {m.text for m in actor.mentions}
    for mention in spec.get("mentions", []):
        assert mention in mention_texts
    for description in spec.get("descriptions", []):
        assert description in actor.descriptions


def test_naim_is_one_actor(seed_article: Article) -> None:
    naim = [a for a in seed_article.actors if "Na’im" in a.name or "Na’im" in a.aliases]
    assert len(naim) == 1
    assert [a for a in seed_article.actors if a.name == "US"] == []


@pytest.mark.parametrize("spec", EXPECTED["times"], ids=lambda s: s.get("text") or s["text_contains"])
def test_time(seed_article: Article, spec: dict[str, Any]) -> None:
    check_time(time_matching(seed_article, spec), spec)


@pytest.mark.parametrize("spec", EXPECTED["undated_times"], ids=lambda s: s.get("text") or s["text_contains"])
def test_time_without_publication_date_keeps_year_unknown(
    seed_article_undated: Article, spec: dict[str, Any]
) -> None:
    assert seed_article_undated.source.published is None
    check_time(time_matching(seed_article_undated, spec), spec)
    for time in seed_article_undated.times:
        assert not time.value[:4].isdigit() or time.value[:4] == "XXXX", time


def check_time(time: TimeExpression, spec: dict[str, Any]) -> None:
    if "value" in spec:
        assert time.value == spec["value"]
    if "value_startswith" in spec:
        assert time.value.startswith(spec["value_startswith"])
    if "mod" in spec:
        assert time.mod == spec["mod"]
    if "earliest" in spec:
        assert str(time.earliest) == spec["earliest"]
    if "earliest_month" in spec:
        assert str(time.earliest).startswith(spec["earliest_month"])
    if "latest" in spec:
        assert str(time.latest) == spec["latest"]


def event_matching(article: Article, spec: dict[str, Any]) -> tuple[int, Event]:
    times = {t.id: t for t in article.times}
    for position, event in enumerate(article.timeline):
        if event.trigger.lemma != spec["lemma"] or event.time is None:
            continue
        text = times[event.time].text
        if text == spec.get("time_text") or spec.get("time_text_contains", "\0") in text:
            return position, event
    raise AssertionError(f"no event like {spec}: {[(e.trigger.lemma, e.time) for e in article.timeline]}")


@pytest.mark.parametrize("spec", EXPECTED["timeline_before"])
def test_timeline_order(seed_article: Article, spec: dict[str, Any]) -> None:
    earlier, _ = event_matching(seed_article, spec["earlier"])
    later, _ = event_matching(seed_article, spec["later"])
    assert earlier < later
    assert [e.id for e in seed_article.timeline] == [f"e{n}" for n in range(len(seed_article.timeline))]


def claim_matching(article: Article, spec: dict[str, Any]) -> Claim:
    for claim in article.claims:
        if spec["content_contains"] in claim.content.text:
            return claim
    raise AssertionError(
        f"no claim containing {spec['content_contains']!r}: {[c.content.text for c in article.claims]}"
    )


@pytest.mark.parametrize("spec", EXPECTED["claims"], ids=lambda s: s["cue"])
def test_claim(seed_article: Article, spec: dict[str, Any]) -> None:
    claim = claim_matching(seed_article, spec)
    assert claim.speaker is not None
    assert claim.speaker.actor is not None
    names = {a.id: a.name for a in seed_article.actors}
    assert names[claim.speaker.actor] == spec["speaker_actor"]
    if "speaker_text" in spec:
        assert claim.speaker.text == spec["speaker_text"]
    assert claim.cue is not None
    assert claim.cue.text == spec["cue"]
    assert [names[v] for v in claim.via] == spec.get("via", [])
