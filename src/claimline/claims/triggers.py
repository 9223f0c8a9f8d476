"""Triggers: the words of a Doc that may open a claim, found in one pass over integer ids.

Cue verbs by surface form (any inflection, so a lemmatizer slip like "hoping" -> "hop" does not lose
them), attitude adjectives as complements ("is confident"), "as X put it", "according to", "in"
before a source, noun cues, and light verbs that may carry an attitude noun. A spaCy Matcher with
`IN` lists ran Python code per token and cost about half of the stage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import DEP, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc

from claimline.claims import lexicon

_VERB_POS = frozenset({VERB, AUX})


def _ids(words: Iterable[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


@dataclass
class Triggers:
    """Token offsets of the triggers of one doc, by kind."""

    verbs: list[int] = field(default_factory=list)
    according: list[int] = field(default_factory=list)
    nouns: list[int] = field(default_factory=list)
    light: list[int] = field(default_factory=list)  # light verbs that may carry an attitude noun
    evidential: list[int] = field(default_factory=list)  # "seemed", "reportedly": nobody's claim


class TriggerFinder:
    """The lexicon as string ids, built once: string hashes are the same in every vocabulary."""

    def __init__(self) -> None:
        self.verb_forms = _ids(lexicon.VERB_FORMS)
        self.attitude_adjectives = _ids(lexicon.ATTITUDE_ADJECTIVES)
        self.noun_cues = _ids(
            lexicon.NOUN_CUES | {lexicon.plural(noun) for noun in lexicon.NOUN_CUES if not noun.endswith("s")}
        )
        self.light_verbs = _ids(lexicon.LIGHT_VERB_FORMS)
        self.evidential = _ids(lexicon.EVIDENTIAL_VERB_FORMS | lexicon.EVIDENTIAL_ADVERBS)
        self.put = _ids(
            ("put", "puts", "putting")
        )  # "as a memo put it, ...": the only sense of "put" that reports
        # "according to": the second word of each phrase by the id of its first
        self.phrases: dict[int, frozenset[int]] = {}
        for first, second in lexicon.ACCORDING_PHRASES:
            key = get_string_id(first)
            self.phrases[key] = self.phrases.get(key, frozenset()) | {get_string_id(second)}
        self.it, self.acomp, self.in_, self.prep = (
            get_string_id(word) for word in ("it", "acomp", "in", "prep")
        )

    def __call__(self, doc: Doc) -> Triggers:
        """Cue verbs (any inflection, tagged VERB or AUX), attitude adjectives as complements ("is
        confident"), "as X put it", "according to", and noun cues."""
        found = Triggers()
        rows: list[list[int]] = doc.to_array([LOWER, POS, DEP]).tolist() if len(doc) else []
        last = len(rows) - 1
        verb_forms, attitude, nouns, light, evidential = (
            self.verb_forms,
            self.attitude_adjectives,
            self.noun_cues,
            self.light_verbs,
            self.evidential,
        )
        put, it, phrases, acomp, in_, prep = self.put, self.it, self.phrases, self.acomp, self.in_, self.prep
        for i, (lower, pos, dep) in enumerate(rows):
            if (
                (pos in _VERB_POS and lower in verb_forms)
                or (pos == ADJ and dep == acomp and lower in attitude)
                or (pos == VERB and lower in put and i < last and rows[i + 1][0] == it)
            ):
                found.verbs.append(i)
            elif (lower in phrases and i < last and rows[i + 1][0] in phrases[lower]) or (
                lower == in_ and dep == prep
            ):
                found.according.append(i)
            elif pos == NOUN and lower in nouns:
                found.nouns.append(i)
            if pos == VERB and lower in light:
                found.light.append(i)
            elif lower in evidential:
                found.evidential.append(i)
        return found
