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


# ---------------------------------------------------------------------------------------------
# The merged timeline across articles (`claimline timeline`): its own object and schema version.

MERGED_SCHEMA_VERSION: Literal["1.0"] = "1.0"

Day = date  # the merged models have a field named `date`, which hides the type in their bodies
DateSource = Literal["time", "relation", "publication", "none"]


class ArticleRef(_Strict):
    """An article the merged timeline was built from (its text is not kept)."""

    id: str
    title: str | None = None
    published: Day | None = None


class ActorSource(_Strict):
    article: str = Field(description="Article id.")
    actor: str = Field(description="The actor's id in that article.")


class LinkedActor(_Strict):
    """One person or organisation across articles, with the per-article actors it links."""

    id: str
    name: str
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    mentions: int = Field(description="Mentions over all articles.")
    sources: list[ActorSource] = Field(default_factory=list)


class EventMention(_Strict):
    """Where an article reports a merged event: the trigger's offsets into that article's text."""

    article: str
    event: str | None = Field(description="The event's id in that article, or null for a claim's cue.")
    claim: str | None = None
    sentence: str | None = None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class MergedEvent(_Strict):
    id: str
    date: str = Field(
        description="ISO-TimeML-style date at the evidence's precision: 2008-06-09, 2008-06-XX."
    )
    date_source: DateSource = Field(
        description="Where the date comes from: a time expression, a stated relation, the publication date "
        "(an undated past or present event), or none."
    )
    earliest: Day | None = None
    latest: Day | None = None
    rank: int = Field(description="Place in the order, from 1; equal ranks are simultaneous; 0 = unplaced.")
    lemma: str
    summary: str
    actors: list[str] = Field(default_factory=list, description="Linked actor ids.")
    mentions: list[EventMention] = Field(default_factory=list)


class ClaimSource(_Strict):
    article: str
    claim: str
    sentence: str | None = None
    start: int = Field(ge=0, description="Start of the content in that article's text.")
    end: int = Field(ge=0)


class MergedClaim(_Strict):
    """One statement, carried by one or more articles."""

    id: str
    date: str = Field(
        description="The statement date: the claim's time, else its article's publication date."
    )
    earliest: Day | None = None
    speaker: str | None = Field(description="Linked actor id of the speaker, if resolved.")
    speaker_text: str | None = None
    cue: str | None = None
    content: str
    kind: ClaimKind
    about: list[str] = Field(default_factory=list, description="Linked actors named in the content.")
    sources: list[ClaimSource] = Field(default_factory=list)


class ActorTimeline(_Strict):
    """One actor's chronology: its events, its claims and the claims about it, in order."""

    actor: str
    events: list[str] = Field(default_factory=list)
    claims: list[str] = Field(default_factory=list, description="Claims the actor made.")
    claims_about: list[str] = Field(default_factory=list, description="Claims others made about it.")


class MergedTimeline(_Strict):
    schema_version: Literal["1.0"] = MERGED_SCHEMA_VERSION
    articles: list[ArticleRef] = Field(default_factory=list)
    actors: list[LinkedActor] = Field(default_factory=list)
    timelines: list[ActorTimeline] = Field(default_factory=list)
    events: list[MergedEvent] = Field(default_factory=list)
    claims: list[MergedClaim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
