"""Error analysis of the claims stage: every miss and every false claim in one category.

The categories come from the harness's own one-to-one matchings (:mod:`claimline.evaluation.claims`),
so their counts add up to the figures it prints. A gold claim is a *miss* when the joint
source+content matching leaves it unmatched; it falls in the first of these that holds:

* ``no cue word``: no system claim's content overlaps its content, and no word of its cue is a
  trigger of the claims stage (a cue verb, noun cue or "according to" of the lexicon), or it has
  no cue: the lexicon does not know the cue;
* ``cue word, no claim``: no system content overlaps, but a word of its cue is a trigger: the rules
  on that trigger (the parse shape, a class restriction) emitted nothing;
* ``speaker missing``: system contents overlap it, the gold has a source and none of them has a
  speaker overlapping it, at least one has no speaker at all (the parse lost the subject);
* ``speaker where gold has none``: the gold has no source, the overlapping system claims all have
  a speaker;
* ``speaker wrong``: the overlapping system claims all have a speaker, none overlapping the gold's;
* ``content taken``: a system claim overlaps it with an agreeing speaker but is matched to another
  gold claim (one system claim covering two attributions, e.g. nested or split in the gold).

A gold claim the joint matching pairs still has errors on the stricter scores; the first of:

* ``content boundary``: the content Dice matching leaves it unmatched (Dice < 0.5 with every
  free system content);
* ``cue boundary``: the cue exact matching leaves its cue unmatched and its joint partner's cue
  overlaps it (same word, different extent);
* ``cue other word``: the same, but the partner's cue does not overlap it (or there is none);
* ``speaker boundary``: the source exact matching leaves its source unmatched.

A system claim is *false* when the joint matching leaves it unmatched:

* ``not an attribution in the gold``: its content overlaps no gold content and its cue no gold cue;
* ``content off the gold's``: its cue overlaps a gold cue, but its content no gold content;
* ``speaker disagrees``: its content overlaps gold contents, none with an agreeing source;
* ``duplicate``: a gold claim with overlapping content and agreeing source exists, matched to
  another system claim (the stage split one attribution or emitted it twice).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from claimline.evaluation.claims import AnnotatedClaim, field_match, joint_match, sources_agree

MISSES = (
    "no cue word",
    "cue word, no claim",
    "speaker missing",
    "speaker where gold has none",
    "speaker wrong",
    "content taken",
)
BOUNDARIES = ("content boundary", "cue boundary", "cue other word", "speaker boundary")
FALSE = ("not an attribution in the gold", "content off the gold's", "speaker disagrees", "duplicate")
EXAMPLES = 3


@dataclass(frozen=True)
class ErrorCase:
    """One error: its category, and the gold and/or system claim (indices into the document's lists)."""

    category: str
    gold: int | None
    system: int | None


def _overlaps(a: frozenset[int] | None, b: frozenset[int] | None) -> bool:
    return a is not None and b is not None and bool(a & b)


def _miss(
    j: int,
    system: Sequence[AnnotatedClaim],
    gold: Sequence[AnnotatedClaim],
    triggers: frozenset[int],
) -> ErrorCase:
    g = gold[j]
    near = [i for i, s in enumerate(system) if _overlaps(s.content, g.content)]
    if not near:
        known = g.cue is not None and bool(g.cue & triggers)
        return ErrorCase("cue word, no claim" if known else "no cue word", j, None)
    agreeing = [i for i in near if sources_agree(system[i], g)]
    if agreeing:
        return ErrorCase("content taken", j, agreeing[0])
    if g.source is None:
        return ErrorCase("speaker where gold has none", j, near[0])
    unspoken = [i for i in near if system[i].source is None]
    if unspoken:
        return ErrorCase("speaker missing", j, unspoken[0])
    return ErrorCase("speaker wrong", j, near[0])


def _boundary(
    j: int,
    i: int,
    system: Sequence[AnnotatedClaim],
    gold: Sequence[AnnotatedClaim],
    matched: dict[str, set[int]],
) -> ErrorCase | None:
    g = gold[j]
    if j not in matched["content"]:
        return ErrorCase("content boundary", j, i)
    if g.cue is not None and j not in matched["cue"]:
        same_word = _overlaps(system[i].cue, g.cue)
        return ErrorCase("cue boundary" if same_word else "cue other word", j, i)
    if g.source is not None and j not in matched["source"]:
        return ErrorCase("speaker boundary", j, i)
    return None


def _false(i: int, system: Sequence[AnnotatedClaim], gold: Sequence[AnnotatedClaim]) -> ErrorCase:
    s = system[i]
    near = [j for j, g in enumerate(gold) if _overlaps(s.content, g.content)]
    if not near:
        on_cue = [j for j, g in enumerate(gold) if _overlaps(s.cue, g.cue)]
        if on_cue:
            return ErrorCase("content off the gold's", on_cue[0], i)
        return ErrorCase("not an attribution in the gold", None, i)
    agreeing = [j for j in near if sources_agree(s, gold[j])]
    if agreeing:
        return ErrorCase("duplicate", agreeing[0], i)
    return ErrorCase("speaker disagrees", near[0], i)


def categorise(
    system: Sequence[AnnotatedClaim], gold: Sequence[AnnotatedClaim], triggers: frozenset[int] = frozenset()
) -> list[ErrorCase]:
    """Every error of one document: misses and boundary errors per gold claim, false claims per
    system claim (see the module docstring). `triggers`: token indices (the harness's tokens) of
    the words the claims stage treats as cues."""
    pairs = joint_match(system, gold)
    partner = {j: i for i, j in pairs.items()}
    matched = {
        "content": field_match(system, gold, "content", "dice")[3],
        "cue": field_match(system, gold, "cue", "exact")[3],
        "source": field_match(system, gold, "source", "exact")[3],
    }
    cases: list[ErrorCase] = []
    for j in range(len(gold)):
        if j not in partner:
            cases.append(_miss(j, system, gold, triggers))
        elif (case := _boundary(j, partner[j], system, gold, matched)) is not None:
            cases.append(case)
    cases.extend(_false(i, system, gold) for i in range(len(system)) if i not in pairs)
    return cases


Describe = Callable[[ErrorCase], str]


@dataclass
class ErrorReport:
    """Counts per category over many documents, the first examples of each, frequent cue words."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    cue_words: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    gold: int = 0
    system: int = 0

    def add(self, cases: Sequence[ErrorCase], describe: Describe, cue_word: Describe) -> None:
        for case in cases:
            self.counts[case.category] += 1
            if len(self.examples[case.category]) < EXAMPLES:
                self.examples[case.category].append(describe(case))
            word = cue_word(case)
            if word:
                self.cue_words[case.category][word] += 1

    def rows(self) -> list[tuple[str, str, int, float]]:
        """(kind, category, count, share of the gold claims or of the system claims)."""
        out: list[tuple[str, str, int, float]] = []
        for kind, names, total in (
            ("miss", MISSES, self.gold),
            ("boundary", BOUNDARIES, self.gold),
            ("false", FALSE, self.system),
        ):
            for name in names:
                out.append((kind, name, self.counts[name], self.counts[name] / total if total else 0.0))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            name: {
                "kind": kind,
                "count": count,
                "share": share,
                "examples": self.examples.get(name, []),
                "cue_words": dict(self.cue_words[name].most_common(10)),
            }
            for kind, name, count, share in self.rows()
        }

    def to_text(self) -> str:
        lines = [
            f"Errors: {self.gold} gold claims, {self.system} system claims "
            "(miss and boundary: share of gold claims; false: share of system claims)"
        ]
        for kind, name, count, share in self.rows():
            lines.append(f"  {kind:8s} {name:32s} {count:6d}  {share:6.1%}")
        for kind, name, count, _ in self.rows():
            if not count:
                continue
            lines.append("")
            lines.append(f"{kind}: {name} ({count})")
            words = self.cue_words[name].most_common(12)
            if words:
                lines.append("  frequent cues: " + ", ".join(f"{w} {n}" for w, n in words))
            lines.extend(f"  - {example}" for example in self.examples.get(name, []))
        return "\n".join(lines)


class Describer:
    """Sentence-level snippets and cue words of the errors of one document."""

    def __init__(
        self,
        text: str,
        token_spans: Sequence[tuple[int, int]],
        sentences: Sequence[tuple[int, int]],
        system: Sequence[AnnotatedClaim],
        gold: Sequence[AnnotatedClaim],
    ) -> None:
        self.text = text
        self.token_spans = token_spans
        self.sentences = sentences
        self.sentence_starts = [start for start, _ in sentences]
        self.system = system
        self.gold = gold

    def span(self, tokens: frozenset[int] | None, limit: int = 60) -> str:
        if not tokens:
            return "-"
        found = self.text[self.token_spans[min(tokens)][0] : self.token_spans[max(tokens)][1]]
        found = " ".join(found.split())
        return found if len(found) <= limit else found[: limit - 3] + "..."

    def claim(self, claim: AnnotatedClaim) -> str:
        cue, source = self.span(claim.cue, 30), self.span(claim.source, 30)
        return f"cue {cue!r} source {source!r} content {self.span(claim.content)!r}"

    def sentence(self, tokens: frozenset[int] | None, limit: int = 240) -> str:
        from bisect import bisect_right

        if not tokens or not self.sentences:
            return ""
        offset = self.token_spans[min(tokens)][0]
        start, end = self.sentences[max(bisect_right(self.sentence_starts, offset) - 1, 0)]
        found = " ".join(self.text[start:end].split())
        return found if len(found) <= limit else found[: limit - 3] + "..."

    def __call__(self, case: ErrorCase) -> str:
        g = self.gold[case.gold] if case.gold is not None else None
        s = self.system[case.system] if case.system is not None else None
        anchor = g.content if g is not None else s.content if s is not None else None
        parts = [self.sentence(anchor)]
        if g is not None:
            parts.append(f"gold: {self.claim(g)}")
        if s is not None:
            parts.append(f"system: {self.claim(s)}")
        return "\n    ".join(parts)

    def cue_word(self, case: ErrorCase) -> str:
        """The words to count for a category: the gold cue of a miss, the system cue of a false
        claim, "gold / system" for a boundary."""
        g = self.gold[case.gold] if case.gold is not None else None
        s = self.system[case.system] if case.system is not None else None
        if case.category in FALSE:
            return self.span(s.cue, 30).lower() if s is not None else ""
        if case.category in MISSES or case.category == "content boundary":
            return self.span(g.cue, 30).lower() if g is not None else ""
        if case.category == "speaker boundary" and g is not None and s is not None:
            return f"{self.span(g.source, 30)} / {self.span(s.source, 30)}"
        if g is not None and s is not None:
            return f"{self.span(g.cue, 30).lower()} / {self.span(s.cue, 30).lower()}"
        return ""
