"""What a normalisation rule is: a name, a compiled pattern and a handler, and what it gives back."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

from claimline.temporal.arithmetic import Point
from claimline.temporal.resolve import _Ctx

Kind = Literal["point", "duration", "set", "ref", "none"]


class Outcome(NamedTuple):
    """A rule's reading of a modifier-free expression.

    `kind` is "point" (payload a Point), "duration", "set" or "ref" (payload the value string), or
    "none" (not a time: the rules after it are not tried). `rule` names the rules that produced it,
    outermost first ("on_prefix>weekday").
    """

    kind: Kind
    payload: Point | str | None
    anchored: bool = False
    rule: str = ""


NOT_A_TIME = Outcome("none", None, False)

# A handler reads the match; None means "not mine after all": the next rule is tried.
Handler = Callable[[re.Match[str], _Ctx], Outcome | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]  # matched against the whole expression (fullmatch)
    handler: Handler


def apply(rules: Iterable[Rule], s: str, ctx: _Ctx) -> Outcome:
    """The first rule that reads `s`, its name recorded on the outcome; NOT_A_TIME if none does."""
    for rule in rules:
        m = rule.pattern.fullmatch(s)
        if m is None:
            continue
        outcome = rule.handler(m, ctx)
        if outcome is not None:
            return outcome._replace(rule=f"{rule.name}>{outcome.rule}" if outcome.rule else rule.name)
    return NOT_A_TIME
