"""The working record of one event while the stage builds the timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from spacy.tokens import Token

from claimline.models import Modality, Placement, Polarity, RelationType, TimeExpression

# Tense and aspect of a verb event as the sieves read it ("participle": no tense of its own, it takes
# its governor's; "none": a noun).
Tense = Literal[
    "past_perfect", "past", "present_perfect", "present", "future", "infinitive", "participle", "none"
]


@dataclass
class Relation:
    type: RelationType  # BEFORE, AFTER or SIMULTANEOUS: this event against `other`
    other: int  # index of the other candidate
    rule: str  # the sieve that stated it
    moves_self: bool = True  # on conflict, this event gives way (else `other` does)


@dataclass
class Candidate:
    trigger: Token
    narrative: int  # position in the text among candidates
    sentence: int = 0  # index of its body sentence
    kind: Literal["verb", "noun"] = "verb"
    tense: Tense = "none"
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    reporting: bool = False
    claim: str | None = None
    time: TimeExpression | None = None
    anchor_rule: str | None = None  # the anchoring rule that gave `time`
    actors: list[str] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    # placement, set by the ordering sieves
    key: float = 0.0
    placement: Placement = "narrative"
    earliest: date | None = None
    latest: date | None = None

    @property
    def on_main_axis(self) -> bool:
        """Happened or stated to happen (MATRES's main axis): not negated, hypothetical or intended."""
        return self.polarity == "positive" and self.modality in ("actual", "future")
