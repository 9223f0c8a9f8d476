"""Property tests: any text gives no crash, offsets inside the text, and a JSON round-trip."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimline import extract
from claimline.errors import InputError
from claimline.models import Article
from tests.spans import assert_spans_match

NEWS_PIECES = [
    "Hamas",
    "Israel",
    "Bassem Na’im",
    "Na’im",
    "the US",
    "the United States",
    "He",
    "she",
    "The group",
    "said",
    "told reporters",
    "emphasized that",
    "according to TASS,",
    "denied",
    "warned",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    ":",
    ",",
    ".",
    "?",
    "!",
    "—",
    "(Reuters) -",
    "\n",
    "\n\n",
    " ",
    "late March",
    "on the night of 18 March",
    "Tuesday",
    "last week",
    "two days later",
    "in 2019",
    "five years",
    "the 1990s",
    "this spring",
    "GAZA, April 10 (Reuters) -",
    "tomorrow",
    "$27",
    "may",
    "the talks collapsed",
    "resumed strikes",
    "earlier",
    "after the vote",
    "🙂",
    "é",
    "\u200b",
    "\r\n",
]

news_like = st.lists(st.sampled_from(NEWS_PIECES), min_size=1, max_size=40).map(" ".join)
anything = st.text(min_size=0, max_size=200)


@pytest.mark.usefixtures("nlp")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(news_like, anything, st.tuples(news_like, anything).map("".join)))
@pytest.mark.parametrize("published", [None, "2025-04-05"])
def test_any_text_offsets_and_round_trip(text: str, published: str | None) -> None:
    if "\x00" in text or not text.strip():
        with pytest.raises(InputError):
            extract(text, published=published)
        return
    article = extract(text, published=published)
    data = article.model_dump(mode="json")
    assert_spans_match(data, text)
    assert Article.model_validate_json(article.model_dump_json()) == article
    assert article.source.chars == len(text)
