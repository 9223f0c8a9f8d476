"""Vocabulary for merging timelines across articles: `lang/<language>/crossdoc.toml`."""

from __future__ import annotations

from functools import cache

from pydantic import Field

from claimline.lang import LangModel, load


class CrossdocWords(LangModel):
    nominalisations: dict[str, str] = Field(description="Event noun -> the verb lemma of its event.")
    synonyms: list[list[str]] = Field(description="Groups of verb lemmas that name one happening.")
    future_markers: list[str]
    past_auxiliaries: list[str]
    present_auxiliaries: list[str]
    stopwords: list[str]
    company_suffixes: list[str]


@cache
def crossdoc_words() -> CrossdocWords:
    return load("crossdoc", CrossdocWords)


@cache
def event_family() -> dict[str, str]:
    """Lemma (verb or event noun) -> the name of its family: the first verb of its synonym group."""
    words = crossdoc_words()
    family: dict[str, str] = {}
    for group in words.synonyms:
        for lemma in group:
            family.setdefault(lemma, group[0])
    for noun, verb in words.nominalisations.items():
        family.setdefault(noun, family.get(verb, verb))
    return family
