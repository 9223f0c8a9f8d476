"""Session fixtures: the spaCy pipeline loads once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from claimline.models import Article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "hamas-negotiations.txt"
EXAMPLES = ROOT / "examples"
SEED_PUBLISHED = "2025-04-05"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The claimline pipeline (model + paragraph component), as `extract` uses it."""
    from claimline.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(nlp: Language, seed_text: str) -> Article:
    """The seed article extracted with its publication date."""
    from claimline import extract

    return extract(seed_text, published=SEED_PUBLISHED, name=SEED.name)


@pytest.fixture(scope="session")
def seed_article_undated(nlp: Language, seed_text: str) -> Article:
    """The seed article extracted without any publication date."""
    from claimline import extract

    return extract(seed_text, name=SEED.name)
