"""The language-data layer: duplicates and unknown keys are errors, files are read once."""

from __future__ import annotations

import pytest
from pydantic import Field

from claimline.lang import LangModel, LanguageDataError, parse, validate


class Words(LangModel):
    verbs: list[str]
    irregular: dict[str, str] = Field(default_factory=dict)


def test_a_valid_document_is_read() -> None:
    document = parse('verbs = ["say", "tell"]\n[irregular]\nsaid = "say"\n', "test.toml")
    words = validate(document, Words, "test.toml")
    assert words.verbs == ["say", "tell"]
    assert words.irregular == {"said": "say"}


def test_an_entry_listed_twice_is_an_error() -> None:
    with pytest.raises(LanguageDataError, match=r"test.toml: verbs: 'acknowledge' is listed twice"):
        parse('verbs = ["acknowledge", "say", "acknowledge"]\n', "test.toml")


def test_a_duplicate_inside_a_table_of_lists_is_found() -> None:
    with pytest.raises(LanguageDataError, match=r"classes.speech: 'say' is listed twice"):
        parse('[classes]\nspeech = ["say", "say"]\n', "test.toml")


def test_a_key_defined_twice_is_an_error() -> None:
    with pytest.raises(LanguageDataError, match=r"test\.toml"):
        parse('verbs = ["say"]\nverbs = ["tell"]\n', "test.toml")


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(LanguageDataError, match="nouns"):
        validate(parse('verbs = ["say"]\nnouns = ["claim"]\n', "test.toml"), Words, "test.toml")
