"""Golden files for examples/*.txt: a reviewed digest of each output, compared field by field.

After a deliberate change, regenerate with `CLAIMLINE_UPDATE_GOLDEN=1 pytest tests/test_examples.py`
and review the diff of tests/golden/examples/ before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from claimline import extract
from claimline.models import Article
from tests.conftest import EXAMPLES
from tests.spans import assert_spans_match

GOLDEN = Path(__file__).parent / "golden" / "examples"
ARTICLES = sorted(EXAMPLES.glob("*.txt"))


def digest(article: Article) -> dict[str, Any]:
    """The reviewed part of an output: what a reader checks, without volatile metadata."""
    names = {actor.id: actor.name for actor in article.actors}
    times = {time.id: time.text for time in article.times}
    return {
        "title": article.source.title,
        "published": str(article.source.published) if article.source.published else None,
        "published_origin": article.source.published_origin,
        "sentences": [s.text for s in article.sentences],
        "actors": [{"name": a.name, "kind": a.kind, "mentions": len(a.mentions)} for a in article.actors],
        "times": [
            {"text": t.text, "type": t.type, "value": t.value, "mod": t.mod, "earliest": str(t.earliest)}
            for t in article.times
        ],
        "timeline": [
            {
                "trigger": e.trigger.text,
                "time": times.get(e.time or ""),
                "actors": [names[a] for a in e.actors],
            }
            for e in article.timeline
        ],
        "claims": [
            {
                "speaker": c.speaker.text if c.speaker else None,
                "actor": names.get(c.speaker.actor or "") if c.speaker else None,
                "cue": c.cue.text if c.cue else None,
                "content": c.content.text,
                "kind": c.kind,
                "via": [names[v] for v in c.via],
            }
            for c in article.claims
        ],
    }


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_example_matches_golden(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    article = extract(text, name=path.name)
    assert_spans_match(article.model_dump(mode="json"), text)
    actual = digest(article)
    golden_path = GOLDEN / f"{path.stem}.json"
    if os.environ.get("CLAIMLINE_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden_path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(golden_path.read_text(encoding="utf-8"))
    for field in expected:
        assert actual[field] == expected[field], f"{path.name}: field {field!r} differs from the golden file"
