"""The attribution vocabulary (`lang/<language>/attribution.toml`): cue verbs by class, noun cues and
the words around them, as the claims stage reads them."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field, model_validator

from claimline.lang import LangModel, load

VerbClass = Literal[
    "speech", "quote_only", "act_object", "belief", "evaluative", "stance", "evidence", "light", "carrier"
]
# Classes that make a verb a cue (a trigger), and those that only qualify a cue class.
CUE_CLASSES: frozenset[str] = frozenset({"speech", "belief", "stance", "evidence"})
QUALIFIES: dict[str, frozenset[str]] = {
    "quote_only": frozenset({"speech"}),
    "act_object": frozenset({"speech"}),
    "evaluative": frozenset({"speech", "belief", "stance"}),
}


class Verb(LangModel):
    """One verb: its classes, irregular forms and the prepositions it selects (see the file's header)."""

    classes: list[VerbClass] = Field(default_factory=list)
    forms: list[str] = Field(default_factory=list)
    prepositions: list[str] = Field(default_factory=list)
    phrasal: list[str] = Field(default_factory=list)
    stimulus: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Verb:
        stray = [p for p in self.phrasal if p not in self.prepositions]
        if stray:
            raise ValueError(f"phrasal prepositions {stray} are not among its prepositions")
        for qualifier, needs in QUALIFIES.items():
            if qualifier in self.classes and not needs & set(self.classes):
                raise ValueError(f"class {qualifier!r} needs one of {sorted(needs)}")
        return self


class Nouns(LangModel):
    cues: list[str]
    attitude: list[str]
    occasion: list[str]
    quantity: list[str]
    in_source: list[str]
    in_view: list[str]
    attitude_prepositions: dict[str, list[str]]


class Heads(LangModel):
    raising: list[str]
    unasserted: list[str]
    aspect: list[str]


class Prepositions(LangModel):
    argument: list[str]
    addressee: list[str]
    attitude_object: list[str]


class Words(LangModel):
    according_phrases: list[str]
    evidential_verbs: list[str]
    evidential_adverbs: list[str]
    cue_time_adverbs: list[str]
    complementizers: list[str]
    wh_complementizers: list[str]
    headline_not_speakers: list[str]

    @model_validator(mode="after")
    def _two_words(self) -> Words:
        bad = [p for p in self.according_phrases if len(p.split()) != 2]
        if bad:
            raise ValueError(f"according_phrases must have two words: {bad}")
        return self


class Attribution(LangModel):
    verbs: dict[str, Verb]
    attitude_adjectives: dict[str, list[str]]
    nouns: Nouns
    heads: Heads
    prepositions: Prepositions
    words: Words

    def verbs_of(self, verb_class: VerbClass) -> frozenset[str]:
        """The verbs of one class."""
        return frozenset(lemma for lemma, verb in self.verbs.items() if verb_class in verb.classes)


@cache
def attribution() -> Attribution:
    """The attribution vocabulary of the default language, read once."""
    return load("attribution", Attribution)
