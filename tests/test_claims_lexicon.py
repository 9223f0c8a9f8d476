"""The claims vocabulary in lang/en/attribution.toml and people.toml: what adding a line does, and
the triggers and rules it feeds, on hand-built Docs (no model statistics needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from claimline.actors import ActorIndex
from claimline.claims import ClaimExtractor, extract_claims, lexicon
from claimline.claims.triggers import TriggerFinder
from claimline.claims.verb_rules import CONTENT_RULES, NOT_REPORTED
from claimline.lang import LanguageDataError, parse, raw, validate
from claimline.lang.attribution import Attribution
from claimline.lang.people import people
from claimline.sentences import extract_sentences

ATTRIBUTION_TOML = "lang/en/attribution.toml"


def _with_lines(*lines: str) -> Attribution:
    """The shipped attribution.toml with `lines` added to its [verbs] table."""
    from importlib import resources

    text = resources.files("claimline.lang").joinpath("en", "attribution.toml").read_text(encoding="utf-8")
    text = text.replace("[verbs]\n", "[verbs]\n" + "".join(line + "\n" for line in lines), 1)
    return validate(parse(text, ATTRIBUTION_TOML), Attribution, ATTRIBUTION_TOML)


def test_adding_a_cue_verb_is_one_line_with_its_irregular_forms() -> None:
    data = _with_lines('foretell = { classes = ["speech"], forms = ["foretold"] }')
    forms = lexicon.verb_forms(data)
    assert {form for form, lemma in forms.items() if lemma == "foretell"} == {
        "foretell",
        "foretells",
        "foretelled",  # the regular forms are generated; over-generation only widens a lookup
        "foretelling",
        "foretold",
    }
    assert "foretold" not in lexicon.VERB_FORMS  # the shipped lexicon is unchanged


def test_the_shipped_lexicon_has_regular_irregular_and_british_forms() -> None:
    assert lexicon.VERB_FORMS["said"] == "say"
    assert lexicon.VERB_FORMS["hoping"] == "hope"  # the lemmatizer's slip ("hop") does not lose it
    assert lexicon.VERB_FORMS["labelled"] == "label"
    assert lexicon.VERB_FORMS["worries"] == "worry"
    assert lexicon.VERB_FORMS["worried"] == "worry"  # a form two lemmas share goes to the later lemma


def test_a_verb_listed_twice_is_an_error() -> None:
    with pytest.raises(LanguageDataError, match=ATTRIBUTION_TOML):
        _with_lines('say = { classes = ["speech"] }')


def test_a_qualifying_class_needs_its_cue_class() -> None:
    with pytest.raises(LanguageDataError, match="quote_only"):
        _with_lines('drone = { classes = ["quote_only"] }')


def test_phrasal_prepositions_are_selected_ones() -> None:
    with pytest.raises(LanguageDataError, match="phrasal"):
        _with_lines('blurt = { classes = ["speech"], phrasal = ["out"] }')


def test_acknowledge_is_one_line_in_every_class_it_was_listed_in() -> None:
    # SPEECH_VERBS listed it three times; it was a speech, belief and stance verb all along
    assert raw("attribution")["verbs"]["acknowledge"] == {"classes": ["speech", "belief", "stance"]}
    assert "acknowledge" in lexicon.SPEECH_VERBS & lexicon.BELIEF_VERBS & lexicon.STANCE_VERBS


def test_stages_read_one_list_of_person_and_organisation_nouns() -> None:
    from claimline import actors, coref

    nouns = people().nouns
    assert actors.PERSON_NOUNS == coref.PERSON_NOUNS == lexicon.PERSON_NOUNS == frozenset(nouns.person)
    assert coref.ORGANISATION_NOUNS == lexicon.ORGANISATION_NOUNS == frozenset(nouns.organisation)


@pytest.fixture(scope="module")
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


def test_every_form_of_every_cue_verb_is_a_trigger(vocab: spacy.vocab.Vocab) -> None:
    find = TriggerFinder()
    missed = []
    for form, lemma in lexicon.VERB_FORMS.items():
        if lemma in lexicon.ATTITUDE_ADJECTIVES:
            continue
        doc = Doc(vocab, words=["They", form, "it"], pos=["PRON", "VERB", "PRON"])
        if find(doc).verbs != [1]:
            missed.append(form)
    assert missed == []


def test_triggers_by_kind(vocab: spacy.vocab.Vocab) -> None:
    words = ["According", "to", "aides", ",", "she", "is", "confident", "and", "raised", "concerns", "."]
    pos = ["VERB", "ADP", "NOUN", "PUNCT", "PRON", "AUX", "ADJ", "CCONJ", "VERB", "NOUN", "PUNCT"]
    deps = ["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "acomp", "cc", "conj", "dobj", "punct"]
    heads = [5, 0, 1, 5, 5, 5, 5, 5, 5, 8, 5]
    found = TriggerFinder()(Doc(vocab, words=words, pos=pos, deps=deps, heads=heads))
    assert (found.according, found.verbs, found.nouns, found.light) == ([0], [6], [9], [8])


def _said_that(vocab: spacy.vocab.Vocab) -> Doc:
    """ "Smith said that taxes rose ." parsed by hand."""
    return Doc(
        vocab,
        words=["Smith", "said", "that", "taxes", "rose", "."],
        spaces=[True, True, True, True, False, False],
        pos=["PROPN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
        tags=["NNP", "VBD", "IN", "NNS", "VBD", "."],
        lemmas=["Smith", "say", "that", "tax", "rise", "."],
        deps=["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"],
        heads=[1, 1, 4, 4, 1, 1],
        ents=["B-PERSON", "O", "O", "O", "O", "O"],
    )


def test_a_complement_clause_is_the_content_on_a_hand_built_doc(vocab: spacy.vocab.Vocab) -> None:
    doc = _said_that(vocab)
    claims = ClaimExtractor(vocab)(doc, ActorIndex([]), [], extract_sentences(doc))
    assert [(c.speaker.text if c.speaker else None, c.cue.text if c.cue else None) for c in claims] == [
        ("Smith", "said")
    ]
    assert (claims[0].content.text, claims[0].kind) == ("that taxes rose", "indirect")
    assert extract_claims(doc, ActorIndex([]), [], extract_sentences(doc)) == claims


def test_the_rule_that_found_a_claim_is_named(vocab: spacy.vocab.Vocab) -> None:
    from claimline.claims.candidate import SentenceBounds
    from claimline.claims.quotes import QuoteIndex
    from claimline.claims.verbs import verb_candidates

    doc = _said_that(vocab)
    quotes = QuoteIndex(doc.text, [])
    found = list(verb_candidates(doc, quotes, TriggerFinder()(doc), SentenceBounds(doc, doc.text)))
    assert [c.rule for c in found] == ["complement_clause"]


def test_rule_names_are_unique() -> None:
    for rules in (CONTENT_RULES, NOT_REPORTED):
        names = [name for name, _ in rules]
        assert len(names) == len(set(names))
