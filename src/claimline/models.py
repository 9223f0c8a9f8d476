"""The output schema: one validated `Article` per input text.

Field names here are a contract that other tools rely on; add fields freely,
never rename or drop one without bumping `SCHEMA_VERSION`.

Versions: 1.0 first; 1.1 lets `Claim.sentence` be null, for a claim in the headline; 1.2 adds to each
event how it was placed in the timeline (`placement`), its `polarity` and `modality`, and the `claim`
a statement event reports. Older documents are valid 1.2 ones (the new fields have defaults), so all
three are read.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.2"] = "1.2"
SchemaVersion = Literal["1.0", "1.1", "1.2"]

ActorKind = Literal["person", "organization", "place", "group", "other"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
TimeMod = Literal[
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
]
ClaimKind = Literal["direct", "indirect", "mixed", "according_to"]
RelationType = Literal["BEFORE", "AFTER", "INCLUDES", "IS_INCLUDED", "SIMULTANEOUS"]
PublishedOrigin = Literal["argument", "dateline"]
# How an event got its place in the timeline, from the strongest evidence to none: its own (or a governing)
# time expression; a relation the text states to another placed event; its tense and aspect against the
# publication date; only its place in the text.
Placement = Literal["date", "relation", "tense", "narrative"]
Polarity = Literal["positive", "negative"]
# "actual": happened or is happening; "future": stated to happen; "possible": a modal or conditional
# ("could", "if"); "intended": wanted, planned, proposed ("plans to", "in order to"). Only actual and
# future positive events are placed as fact (the main axis).
Modality = Literal["actual", "future", "possible", "intended"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Strict):
    """A piece of the input: `text == input[start:end]` (character offsets, end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Generator(_Strict):
    name: str = "claimline"
    version: str
    model: str
    model_version: str


class Source(_Strict):
    name: str = Field(description="File name, '-' for stdin, or the id given by the caller.")
    sha256: str = Field(description="SHA-256 of the decoded text, UTF-8 encoded.")
    chars: int
    encoding: str = Field(default="utf-8", description="Encoding the input was decoded from.")
    title: str | None = None
    title_span: Span | None = None
    dateline: Span | None = Field(
        default=None, description='A dateline opening the body, e.g. "GAZA, April 10 (Reuters) -".'
    )
    published: date | None = None
    published_origin: PublishedOrigin | None = None


class Sentence(Span):
    id: str
    paragraph: int = Field(description="0-based index of the body paragraph (blank-line separated).")


class Mention(Span):
    sentence: str | None = Field(description="Sentence id, or null for a mention in the headline.")


class Actor(_Strict):
    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    descriptions: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpression(Span):
    id: str
    type: TimeType
    value: str = Field(description="ISO-TimeML TIMEX3 value, e.g. 2025-03-18, XXXX-03, P3D, PRESENT_REF.")
    mod: TimeMod | None = None
    earliest: date | None = None
    latest: date | None = None
    sentence: str | None = None
    anchor: str | None = Field(
        default=None, description="Time id a relative expression was resolved against."
    )


class Trigger(Span):
    lemma: str


class EventRelation(_Strict):
    type: RelationType
    event: str


class Event(_Strict):
    id: str
    trigger: Trigger
    summary: str
    actors: list[str] = Field(default_factory=list)
    time: str | None = None
    earliest: date | None = None
    latest: date | None = None
    sentence: str
    relations: list[EventRelation] = Field(default_factory=list)
    placement: Placement = Field(
        default="narrative",
        description="How the event was placed: by a date, a stated relation, its tense, or narrative order.",
    )
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    claim: str | None = Field(
        default=None, description="For a statement event: the id of the claim it makes."
    )


class Speaker(Span):
    actor: str | None = None


class Cue(Span):
    lemma: str


class Content(Span):
    pass


class Claim(_Strict):
    id: str
    speaker: Speaker | None
    cue: Cue | None
    content: Content
    kind: ClaimKind
    via: list[str] = Field(default_factory=list)
    sentence: str | None = Field(description="Sentence id, or null for a claim in the headline.")
    time: str | None = None


class Article(_Strict):
    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str | None = Field(default=None, description="Caller-given id (set by `claimline batch`).")
    source: Source
    generator: Generator
    warnings: list[str] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    timeline: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)


class ErrorInfo(_Strict):
    code: str
    message: str


class Failure(_Strict):
    """One input that could not be processed (a batch line)."""

    id: str
    error: ErrorInfo
