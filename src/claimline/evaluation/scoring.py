"""Scores shared by the evaluation harnesses."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def precision_recall_f1(
    matched_system: int, system: int, gold: int, matched_gold: int | None = None
) -> tuple[float, float, float]:
    """P, R and F1 from match counts.

    `matched_gold` differs from `matched_system` where one system item may cover several gold
    items (relaxed matching); it defaults to the same count.
    """
    matched_gold = matched_system if matched_gold is None else matched_gold
    precision = matched_system / system if system else 0.0
    recall = matched_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class PipelineRun:
    """Parsed Docs with the stages' results on their extensions, and where the time went."""

    docs: list[Doc]
    model_seconds: float
    stage_seconds: dict[str, float]
    from_cache: bool = False  # the Docs were read, not parsed: model_seconds is no model time


def cache_file(texts: Sequence[str], cache: Path | None, model: str | None = None) -> Path | None:
    """Where :func:`parse_cached` keeps the Docs of `texts` (None without a cache folder)."""
    from claimline.pipeline import model_name

    if cache is None:
        return None
    key = hashlib.sha256(model_name(model).encode())
    for text in texts:
        key.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
    return cache / f"{key.hexdigest()[:24]}.spacy"


def parse_cached(texts: Sequence[str], cache: Path | None, model: str | None = None) -> Iterator[Doc]:
    """The parsed Docs of `texts` (:func:`claimline.pipeline.parse`), from `cache` when it has them.

    The cache holds one DocBin per batch of texts, keyed by the model's name and the texts, so a
    changed text or model parses again. Parsing is most of an evaluation's time and changes to
    claimline's stages do not change it: re-scoring a set from the cache takes seconds.
    """
    from spacy.tokens import DocBin

    from claimline.pipeline import load_pipeline, parse

    nlp = load_pipeline(model)
    stored = cache_file(texts, cache, model)
    if stored is not None and stored.exists():
        yield from DocBin().from_disk(stored).get_docs(nlp.vocab)
        return
    docs = list(parse(nlp, texts))
    if stored is not None:
        stored.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=True, docs=docs).to_disk(stored)
    yield from docs


def run_pipeline(
    texts: Sequence[tuple[str, date | None]], *, model: str | None, until: str, cache: Path | None = None
) -> PipelineRun:
    """Parse `(text, publication date)` pairs and run the stages up to `until`, as `extract` does.

    `cache`: a folder keeping the parsed Docs (:func:`parse_cached`); then the model time is the
    time it took to read them, not to parse.
    """
    from claimline.components import run_stages
    from claimline.pipeline import load_pipeline

    nlp = load_pipeline(model)
    stored = cache_file([text for text, _ in texts], cache, model)
    from_cache = stored is not None and stored.exists()
    started = time.perf_counter()
    docs = list(parse_cached([text for text, _ in texts], cache, model))
    model_seconds = time.perf_counter() - started
    seconds: dict[str, float] = {}
    for doc, (_, published) in zip(docs, texts, strict=True):
        run_stages(nlp, doc, published, until=until, seconds=seconds)
    return PipelineRun(docs, model_seconds, seconds, from_cache=from_cache)
