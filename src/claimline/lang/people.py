"""People and bodies (`lang/<language>/people.toml`): the nouns that name them, titles, name parts and
pronouns by kind, for the actor, coreference and claims stages."""

from __future__ import annotations

from functools import cache

from claimline.lang import LangModel, load


class Nouns(LangModel):
    person: list[str]
    organisation: list[str]
    source: list[str]
    place: list[str]


class Names(LangModel):
    titles: list[str]
    company_suffixes: list[str]
    connectives: list[str]
    aliases: dict[str, str]


class Pronouns(LangModel):
    person: list[str]
    nonperson: list[str]
    plural: list[str]
    relative: list[str]
    first_person: list[str]
    subject: list[str]


class People(LangModel):
    nouns: Nouns
    names: Names
    pronouns: Pronouns


@cache
def people() -> People:
    """The people vocabulary of the default language, read once."""
    return load("people", People)
