"""The work itself: read an input in the calling process, extract a chunk of them with one `nlp.pipe`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimline.batch.items import BatchItem, Published, _failure
from claimline.errors import ClaimlineError, InputError, UsageError
from claimline.models import Article, Failure
from claimline.reading import MAX_INPUT_BYTES, decode, read_path

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class _Task:
    """An input read and decoded, ready for a worker (small and picklable)."""

    id: str
    text: str
    published: Published
    encoding: str
    warnings: list[str]


@dataclass
class Outcome:
    """One input's result: an object in-process, or its JSON line when it comes from a worker."""

    id: str
    ok: bool
    payload: Article | Failure | str
    words: int = 0
    output: str | None = None

    def json(self) -> str:
        if isinstance(self.payload, str):
            return self.payload
        return self.payload.model_dump_json()

    def result(self) -> Article | Failure:
        if isinstance(self.payload, str):
            if self.ok:
                return Article.model_validate_json(self.payload)
            return Failure.model_validate_json(self.payload)
        return self.payload


def _read(item: BatchItem, default_published: Published) -> _Task | Outcome:
    """Read and decode one item in the calling process; a bad input becomes a failed Outcome."""
    published = item.published if item.published is not None else default_published
    if item.failure is not None:
        return Outcome(item.id, False, item.failure, output=item.output)
    try:
        if isinstance(item.text, str):
            if len(item.text) > MAX_INPUT_BYTES:
                raise InputError(
                    f"{item.id}: input too large ({len(item.text):,} characters; "
                    f"the limit is {MAX_INPUT_BYTES:,})",
                    code="too_large",
                )
            return _Task(item.id, item.text, published, "utf-8", [])
        if isinstance(item.text, bytes):
            decoded = decode(item.text, item.id)
        elif item.url is not None:
            from claimline.remote import read_url

            decoded = read_url(item.url)
        elif item.path is not None:
            decoded = read_path(item.path)
        else:
            raise InputError(f"{item.id}: no text and no path", code="bad_input")
    except ClaimlineError as error:
        return Outcome(item.id, False, _failure(item.id, error.code, str(error)), output=item.output)
    return _Task(item.id, decoded.text, published, decoded.encoding, decoded.warnings)


def _error_code(error: BaseException) -> str:
    if isinstance(error, UsageError):
        return "bad_input"  # e.g. an invalid per-item publication date
    if isinstance(error, ClaimlineError):
        return error.code
    return "extraction_failed"


def _describe(identifier: str, error: BaseException) -> str:
    message = str(error) or type(error).__name__
    if isinstance(error, ClaimlineError):
        return message if message.startswith(identifier) else f"{identifier}: {message}"
    return f"{identifier}: extraction failed ({type(error).__name__}: {message})"


def _extract_chunk(nlp: Language, tasks: Sequence[_Task], batch_size: int, as_json: bool) -> list[Outcome]:
    """Extract a chunk with one `nlp.pipe` pass; errors are isolated to the input that caused them."""
    from claimline.pipeline import Prepared, build_article, parse, prepare

    results: list[Outcome | None] = [None] * len(tasks)

    def fail(i: int, error: BaseException) -> None:
        task = tasks[i]
        failure = _failure(task.id, _error_code(error), _describe(task.id, error))
        results[i] = Outcome(task.id, False, failure.model_dump_json() if as_json else failure)

    def build(i: int, doc: Any, prepared: Prepared) -> None:
        task = tasks[i]
        try:
            article = build_article(doc, prepared, nlp)
            article.id = task.id
            payload: Article | str = article.model_dump_json() if as_json else article
            results[i] = Outcome(task.id, True, payload, words=len(task.text.split()))
        except Exception as error:
            fail(i, error)

    ready: list[tuple[int, Prepared]] = []
    for i, task in enumerate(tasks):
        try:
            prepared = prepare(
                task.text,
                published=task.published,
                name=task.id,
                encoding=task.encoding,
                warnings=task.warnings,
            )
        except Exception as error:
            fail(i, error)
        else:
            ready.append((i, prepared))
    try:
        docs = parse(nlp, (prepared.text for _, prepared in ready), batch_size)
        for (i, prepared), doc in zip(ready, docs, strict=True):
            build(i, doc, prepared)
    except Exception:
        # The batch failed inside spaCy: parse what is left one by one to find the culprit.
        for i, prepared in ready:
            if results[i] is not None:
                continue
            try:
                doc = next(parse(nlp, [prepared.text], batch_size))
            except Exception as error:
                fail(i, error)
            else:
                build(i, doc, prepared)
    done: list[Outcome] = []
    for i, outcome in enumerate(results):
        if outcome is None:  # pragma: no cover - parse yields one Doc per text
            fail(i, RuntimeError("the parser returned no document"))
            outcome = results[i]
        assert outcome is not None
        done.append(outcome)
    return done
