"""claimline: who claimed what, and what happened when, in news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Article", "Failure", "__version__", "extract", "extract_many"]

if TYPE_CHECKING:
    from claimline.batch import extract_many
    from claimline.models import Article, Failure
    from claimline.pipeline import extract


def __getattr__(name: str) -> Any:
    # Lazy: `import claimline` (and so `claimline --help`) must not import spaCy.
    if name == "extract":
        from claimline import pipeline

        return pipeline.extract
    if name == "extract_many":
        from claimline import batch

        return batch.extract_many
    if name in ("Article", "Failure"):
        from claimline import models

        return getattr(models, name)
    raise AttributeError(name)
