"""Attribution harness: score the claims stage against PolNeAR-style gold.

Input: JSONL, one article per line, as in ``../shared/dev/attribution/`` (see its README)::

    {"doc": ..., "publication_date": "YYYY-MM-DD", "text": ...,
     "claims": [{"source": SPAN|null, "cue": SPAN|null, "content": SPAN|null, "no_source": bool}]}
    SPAN = {"start": int, "end": int, "text": ..., "spans": [[s, e], ...]}

The texts are parsed as the pipeline parses them (:func:`claimline.pipeline.parse`, timed as the
spaCy model), then the stages run in the pipeline's order up to the claims stage
(:func:`claimline.components.run_stages`); only that stage is timed as the claims stage.

Scoring. Spans are compared as sets of tokens (runs of word characters, and single punctuation
characters; a discontinuous gold span is the union of its pieces):

* exact: identical token sets (so a gold span split only at whitespace still matches);
* Dice: token Dice coefficient ``2|A∩B| / (|A|+|B|) >= 0.5``;
* overlap: at least one shared token.

For each of content, source (the local speaker mention) and cue, and for each criterion, system
and gold spans of one document are paired one-to-one greedily: every candidate pair that satisfies
the criterion is ranked by Dice (ties: nearer starts first, then text order) and accepted when
neither side is taken yet. Claims without the span (a gold claim with no source, a system claim
with no speaker) take no part in that span's scores. Joint source+content: a system claim matches
a gold claim when their contents overlap and their sources overlap (or both have no source); the
same greedy one-to-one assignment, ranked by content Dice.

Direct vs indirect: a content is *direct* when it starts or ends with a quotation mark or more than
half of its characters lie inside quotation marks; gold claims are split by their gold content and
system claims by their own content, and precision/recall per split count matches made globally.

``evaluate_agreement`` scores annotators against each other on a file holding several annotations
of the same articles (``polnear-dev-alt-annotators.jsonl``): the human ceiling.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimline.evaluation.scoring import precision_recall_f1, run_pipeline
from claimline.models import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from claimline.evaluation.claim_errors import ErrorReport

Pieces = tuple[tuple[int, int], ...]
CRITERIA = ("exact", "dice", "overlap")
FIELDS = ("content", "source", "cue")
SPLITS = ("all", "direct", "indirect")

_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTES = '"“”„‟«»'


@dataclass(frozen=True)
class AnnotatedClaim:
    """One claim, gold or system, as token sets (None: the span is absent)."""

    content: frozenset[int] | None
    source: frozenset[int] | None
    cue: frozenset[int] | None
    direct: bool


@dataclass
class AttributionDoc:
    name: str
    text: str
    published: date | None
    claims: list[dict[str, Any]]
    annotator: str | None = None


def load_jsonl(path: Path) -> list[AttributionDoc]:
    docs: list[AttributionDoc] = []
    with Path(path).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            published = None
            if row.get("publication_date"):
                try:
                    published = date.fromisoformat(row["publication_date"])
                except ValueError:
                    published = None
            docs.append(
                AttributionDoc(
                    name=row.get("doc", ""),
                    text=row["text"],
                    published=published,
                    claims=list(row.get("claims") or []),
                    annotator=row.get("annotator"),
                )
            )
    return docs


class Tokens:
    """Token offsets of one text, and span -> token-index sets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def of(self, pieces: Iterable[tuple[int, int]]) -> frozenset[int]:
        from bisect import bisect_left, bisect_right

        found: set[int] = set()
        for start, end in pieces:
            lo = bisect_right(self.starts, start) - 1
            lo = max(lo, 0)
            hi = bisect_left(self.starts, end)
            for i in range(lo, hi):
                s, e = self.spans[i]
                if s < end and e > start:
                    found.add(i)
        return frozenset(found)


def is_direct(text: str, pieces: Sequence[tuple[int, int]]) -> bool:
    """Quoted content: starts/ends with a quote mark, or mostly inside quotation marks (two
    apostrophes, ''like this'', count as one mark, as the claims stage reads them)."""
    if not pieces:
        return False
    text = text.replace("''", '" ')
    first = text[pieces[0][0] : pieces[0][1]].strip()
    last = text[pieces[-1][0] : pieces[-1][1]].strip().rstrip(".,;:!?")
    if (first and first[0] in _QUOTES) or (last and last[-1] in _QUOTES):
        return True
    inside = 0
    total = 0
    for start, end in pieces:
        # quote state at `start`: parity of quote marks in its paragraph before it
        para_start = text.rfind("\n", 0, start) + 1
        opened = _quote_parity(text[para_start:start])
        for ch in text[start:end]:
            if ch in _QUOTES:
                opened = not opened
                continue
            if not ch.isspace():
                total += 1
                inside += opened
    return total > 0 and inside * 2 > total


def _quote_parity(text: str) -> bool:
    opened = False
    for ch in text:
        if ch in _QUOTES:
            opened = not opened
    return opened


def _gold_pieces(span: dict[str, Any] | None) -> Pieces | None:
    if not span:
        return None
    pieces = span.get("spans") or [[span["start"], span["end"]]]
    return tuple((int(s), int(e)) for s, e in pieces)


def gold_claims(doc: AttributionDoc, tokens: Tokens) -> list[AnnotatedClaim]:
    found: list[AnnotatedClaim] = []
    for claim in doc.claims:
        content = _gold_pieces(claim.get("content"))
        if content is None:
            continue
        source = _gold_pieces(claim.get("source"))
        cue = _gold_pieces(claim.get("cue"))
        found.append(
            AnnotatedClaim(
                content=tokens.of(content),
                source=tokens.of(source) if source else None,
                cue=tokens.of(cue) if cue else None,
                direct=is_direct(doc.text, content),
            )
        )
    return found


def system_claims(claims: Sequence[Claim], tokens: Tokens) -> list[AnnotatedClaim]:
    return [
        AnnotatedClaim(
            content=tokens.of([(c.content.start, c.content.end)]),
            source=tokens.of([(c.speaker.start, c.speaker.end)]) if c.speaker else None,
            cue=tokens.of([(c.cue.start, c.cue.end)]) if c.cue else None,
            direct=is_direct(tokens.text, [(c.content.start, c.content.end)]),
        )
        for c in claims
    ]


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _accept(criterion: str, a: frozenset[int], b: frozenset[int]) -> bool:
    if criterion == "exact":
        return a == b
    if criterion == "dice":
        return dice(a, b) >= 0.5
    return bool(a & b)


def greedy_match(
    system: Sequence[frozenset[int]], gold: Sequence[frozenset[int]], criterion: str
) -> list[tuple[int, int]]:
    """One-to-one greedy assignment of system to gold spans satisfying `criterion`, best Dice first."""
    candidates: list[tuple[float, int, int, int]] = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            if (s & g or (criterion == "exact" and s == g)) and _accept(criterion, s, g):
                distance = abs(min(s, default=0) - min(g, default=0))
                candidates.append((-dice(s, g), distance, i, j))
    candidates.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


@dataclass
class Counts:
    tp_sys: int = 0
    tp_gold: int = 0
    system: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_sys += other.tp_sys
        self.tp_gold += other.tp_gold
        self.system += other.system
        self.gold += other.gold

    @property
    def prf(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.tp_sys, self.system, self.gold, self.tp_gold)


def _split_of(claim: AnnotatedClaim, split: str) -> bool:
    return split == "all" or (split == "direct") == claim.direct


def field_match(
    system: Sequence[AnnotatedClaim], gold: Sequence[AnnotatedClaim], name: str, criterion: str
) -> tuple[list[int], list[int], set[int], set[int]]:
    """Claims that have span `name` (system, gold indices) and those matched on it by `criterion`."""
    sys_idx = [i for i, c in enumerate(system) if getattr(c, name) is not None]
    gold_idx = [j for j, c in enumerate(gold) if getattr(c, name) is not None]
    sys_spans = [getattr(system[i], name) for i in sys_idx]
    gold_spans = [getattr(gold[j], name) for j in gold_idx]
    pairs = greedy_match(sys_spans, gold_spans, criterion)
    return sys_idx, gold_idx, {sys_idx[i] for i, _ in pairs}, {gold_idx[j] for _, j in pairs}


def sources_agree(s: AnnotatedClaim, g: AnnotatedClaim) -> bool:
    """The joint criterion's source test: both without a source, or overlapping sources."""
    if s.source is None or g.source is None:
        return s.source is None and g.source is None
    return bool(s.source & g.source)


def joint_match(system: Sequence[AnnotatedClaim], gold: Sequence[AnnotatedClaim]) -> dict[int, int]:
    """Joint source+content: system index -> gold index, one-to-one, best content Dice first."""
    candidates: list[tuple[float, int, int, int]] = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            assert s.content is not None and g.content is not None
            if not (s.content & g.content) or not sources_agree(s, g):
                continue
            distance = abs(min(s.content, default=0) - min(g.content, default=0))
            candidates.append((-dice(s.content, g.content), distance, i, j))
    candidates.sort()
    pairs: dict[int, int] = {}
    used_g: set[int] = set()
    for _, _, i, j in candidates:
        if i not in pairs and j not in used_g:
            pairs[i] = j
            used_g.add(j)
    return pairs


def score_document(
    system: Sequence[AnnotatedClaim], gold: Sequence[AnnotatedClaim]
) -> dict[str, dict[str, Counts]]:
    """Counts keyed by ("content:exact" | ... | "joint") then split."""
    result: dict[str, dict[str, Counts]] = {}
    for name in FIELDS:
        for criterion in CRITERIA:
            sys_idx, gold_idx, matched_s, matched_g = field_match(system, gold, name, criterion)
            result[f"{name}:{criterion}"] = _split_counts(
                system, gold, sys_idx, gold_idx, matched_s, matched_g
            )
    pairs = joint_match(system, gold)
    result["joint"] = _split_counts(
        system, gold, list(range(len(system))), list(range(len(gold))), set(pairs), set(pairs.values())
    )
    return result


def _split_counts(
    system: Sequence[AnnotatedClaim],
    gold: Sequence[AnnotatedClaim],
    sys_idx: Sequence[int],
    gold_idx: Sequence[int],
    matched_s: set[int],
    matched_g: set[int],
) -> dict[str, Counts]:
    counts: dict[str, Counts] = {}
    for split in SPLITS:
        c = Counts()
        for i in sys_idx:
            if _split_of(system[i], split):
                c.system += 1
                c.tp_sys += i in matched_s
        for j in gold_idx:
            if _split_of(gold[j], split):
                c.gold += 1
                c.tp_gold += j in matched_g
        counts[split] = c
    return counts


@dataclass
class ClaimsReport:
    documents: int = 0
    gold: int = 0
    system: int = 0
    model: str = ""
    model_seconds: float = 0.0
    claims_seconds: float = 0.0
    other_stages_seconds: float = 0.0
    counts: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counts))
    )
    agreement: ClaimsReport | None = None
    errors: ErrorReport | None = None
    cached: bool = False
    title: str = "Attribution evaluation"

    def add(self, doc_counts: dict[str, dict[str, Counts]]) -> None:
        for key, splits in doc_counts.items():
            for split, c in splits.items():
                self.counts[key][split].add(c)

    def prf(self, key: str, split: str = "all") -> tuple[float, float, float]:
        return self.counts[key][split].prf

    @property
    def time_ratio(self) -> float:
        return self.claims_seconds / self.model_seconds if self.model_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        scores: dict[str, Any] = {}
        for key in sorted(self.counts):
            scores[key] = {}
            for split in SPLITS:
                c = self.counts[key][split]
                p, r, f = c.prf
                scores[key][split] = {
                    "precision": p,
                    "recall": r,
                    "f1": f,
                    "system": c.system,
                    "gold": c.gold,
                }
        out: dict[str, Any] = {
            "model": self.model,
            "documents": self.documents,
            "gold": self.gold,
            "system": self.system,
            "scores": scores,
            "timing": {
                "model_seconds": self.model_seconds,
                "claims_seconds": self.claims_seconds,
                "other_stages_seconds": self.other_stages_seconds,
                "ratio": self.time_ratio,
            },
        }
        if self.agreement is not None:
            out["human_agreement"] = self.agreement.to_dict()
        if self.errors is not None:
            out["errors"] = self.errors.to_dict()
        return out

    def _table(self) -> list[str]:
        lines = [f"  {'':16s} {'all (P/R/F1)':>20s}   {'direct (P/R/F1)':>20s}   {'indirect (P/R/F1)':>20s}"]
        keys = [f"{n}:{c}" for n in FIELDS for c in CRITERIA] + ["joint"]
        for key in keys:
            if key not in self.counts:
                continue
            cells = []
            for split in SPLITS:
                p, r, f = self.prf(key, split)
                cells.append(f"{p:.3f} {r:.3f} {f:.3f}")
            label = "source+content" if key == "joint" else key
            lines.append(f"  {label:16s} {cells[0]:>20s}   {cells[1]:>20s}   {cells[2]:>20s}")
        return lines

    def to_text(self) -> str:
        direct = self.counts["joint"]["direct"].gold if "joint" in self.counts else 0
        lines = [
            f"{self.title}: {self.documents} documents, {self.gold} gold claims ({direct} direct), "
            f"{self.system} system claims" + (f" (model {self.model})" if self.model else ""),
            "  matching: one-to-one greedy by token Dice; exact = same tokens, dice = Dice >= 0.5, "
            "overlap = any shared token",
            *self._table(),
        ]
        if self.cached:
            lines.append(
                f"  time: parsed Docs read from the cache in {self.model_seconds:.2f}s (no model time to "
                f"compare with), claims stage {self.claims_seconds:.3f}s"
            )
        elif self.model_seconds:
            lines.append(
                f"  time: spaCy model {self.model_seconds:.2f}s, claims stage {self.claims_seconds:.3f}s "
                f"(ratio {self.time_ratio:.1%}); other claimline stages {self.other_stages_seconds:.2f}s"
            )
        if self.agreement is not None:
            lines.append("")
            lines.append(self.agreement.to_text())
        if self.errors is not None:
            lines.append("")
            lines.append(self.errors.to_text())
        return "\n".join(lines)


def evaluate(
    path: Path,
    *,
    model: str | None = None,
    limit: int | None = None,
    agreement: Path | None = None,
    errors: bool = False,
    cache: Path | None = None,
) -> ClaimsReport:
    """Run the pipeline over the articles of `path` and score the claims stage against their gold.

    `agreement`: optionally also score annotator against annotator on that file (human ceiling).
    `errors`: also sort every miss and false claim into a category
    (:mod:`claimline.evaluation.claim_errors`). `cache`: a folder keeping the parsed Docs, so a
    second run only runs claimline's stages (then there is no model time to compare with).
    """
    from claimline.components import CLAIMS
    from claimline.evaluation.claim_errors import ErrorReport
    from claimline.pipeline import model_name

    docs = load_jsonl(path)
    if limit is not None:
        docs = docs[:limit]
    run = run_pipeline([(d.text, d.published) for d in docs], model=model, until=CLAIMS, cache=cache)
    report = ClaimsReport(documents=len(docs), model=model_name(model), model_seconds=run.model_seconds)
    report.cached = run.from_cache
    if errors:
        report.errors = ErrorReport()
    for item, doc in zip(docs, run.docs, strict=True):
        tokens = Tokens(item.text)
        gold = gold_claims(item, tokens)
        system = system_claims(doc._.claims, tokens)
        report.gold += len(gold)
        report.system += len(system)
        report.add(score_document(system, gold))
        if report.errors is not None:
            _add_errors(report.errors, doc, tokens, system, gold)
    report.claims_seconds = run.stage_seconds.pop(CLAIMS, 0.0)
    report.other_stages_seconds = sum(run.stage_seconds.values())
    if agreement is not None:
        report.agreement = evaluate_agreement(agreement)
    return report


def _add_errors(
    report: ErrorReport,
    doc: Doc,
    tokens: Tokens,
    system: Sequence[AnnotatedClaim],
    gold: Sequence[AnnotatedClaim],
) -> None:
    from claimline.claims.triggers import TriggerFinder
    from claimline.evaluation.claim_errors import Describer, categorise

    found = TriggerFinder()(doc)
    # "in" before a source is a trigger too, but would mark every "in" as a known cue
    words = [*found.verbs, *found.nouns, *(i for i in found.according if doc[i].lower_ != "in")]
    triggers = tokens.of([(doc[i].idx, doc[i].idx + len(doc[i])) for i in words])
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    describe = Describer(tokens.text, tokens.spans, sentences, system, gold)
    report.gold += len(gold)
    report.system += len(system)
    report.add(categorise(system, gold, triggers), describe, describe.cue_word)


def evaluate_agreement(path: Path) -> ClaimsReport:
    """Every ordered pair of annotators of the same article: one as system, the other as gold."""
    by_doc: dict[str, list[AttributionDoc]] = defaultdict(list)
    for item in load_jsonl(path):
        by_doc[item.name].append(item)
    report = ClaimsReport(title="Human agreement (annotator vs annotator, all ordered pairs)")
    for versions in by_doc.values():
        tokens = Tokens(versions[0].text)
        annotated = [gold_claims(v, tokens) for v in versions]
        for a, b in combinations(range(len(versions)), 2):
            for sys_i, gold_i in ((a, b), (b, a)):
                report.documents += 1
                report.gold += len(annotated[gold_i])
                report.system += len(annotated[sys_i])
                report.add(score_document(annotated[sys_i], annotated[gold_i]))
    return report


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - manual use
    """``python -m claimline.evaluation.claims FILE.jsonl [--model M] [--limit N] [--json]
    [--agreement ALT.jsonl]`` until the CLI wires ``claimline eval claims``."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m claimline.evaluation.claims")
    parser.add_argument("path", type=Path)
    parser.add_argument("--model")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--agreement", type=Path, help="alt-annotators JSONL: also score human agreement")
    args = parser.parse_args(argv)
    report = evaluate(args.path, model=args.model, limit=args.limit, agreement=args.agreement)
    out = json.dumps(report.to_dict(), indent=2) if args.json else report.to_text()
    sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
