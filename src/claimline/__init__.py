"""claimline: who claimed what, and what happened when, in news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Failure",
    "MergedTimeline",
    "__version__",
    "extract",
    "extract_many",
    "merge_timelines",
]

if TYPE_CHECKING:
    from claimline.batch import extract_many
    from claimline.crossdoc import merge_timelines
    from claimline.models import Article, Failure, MergedTimeline
    from claimline.pipeline import extract


def __getattr__(name: str) -> Any:
    # Lazy: `import claimline` (and so `claimline --help`) must not import spaCy.
    if name == "extract":
        from claimline import pipeline

        return pipeline.extract
    if name == "extract_many":
        from claimline import batch

        return batch.extract_many
    if name == "merge_timelines":
        from claimline import crossdoc

        return crossdoc.merge_timelines
    if name in ("Article", "Failure", "MergedTimeline"):
        from claimline import models

        return getattr(models, name)
    raise AttributeError(name)
