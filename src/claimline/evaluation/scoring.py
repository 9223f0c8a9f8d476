"""Scores shared by the evaluation harnesses."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
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


def run_pipeline(texts: Sequence[tuple[str, date | None]], *, model: str | None, until: str) -> PipelineRun:
    """Parse `(text, publication date)` pairs and run the stages up to `until`, as `extract` does."""
    from claimline.components import run_stages
    from claimline.pipeline import load_pipeline, parse

    nlp = load_pipeline(model)
    started = time.perf_counter()
    docs = list(parse(nlp, (text for text, _ in texts)))
    model_seconds = time.perf_counter() - started
    seconds: dict[str, float] = {}
    for doc, (_, published) in zip(docs, texts, strict=True):
        run_stages(nlp, doc, published, until=until, seconds=seconds)
    return PipelineRun(docs, model_seconds, seconds)
