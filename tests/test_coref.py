"""Speaker resolution: names, pronouns and nominals to the most recent compatible actor, else None."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from claimline.coref import resolve_speaker

if TYPE_CHECKING:
    from spacy.language import Language


def resolve(nlp: Language, text: str, mention: str, occurrence: int = -1) -> str | None:
    """Resolve the `occurrence`-th (default: last) occurrence of `mention` in `text` to an actor name."""
    from claimline.actors import extract_actors
    from claimline.sentences import extract_sentences

    doc = nlp(text)
    actors = extract_actors(doc, extract_sentences(doc, 0))
    positions = [i for i in range(len(text)) if text.startswith(mention, i)]
    start = positions[occurrence]
    actor = resolve_speaker(doc, start, start + len(mention), actors)
    return actors.get(actor).name if actor is not None else None


CASES = [
    # names and surnames
    ("full-name", "Angela Merkel said the talks were over.", "Angela Merkel", "Angela Merkel"),
    ("surname", "Bassem Na’im arrived in Doha. Na’im said the talks were over.", "Na’im", "Bassem Na’im"),
    (
        "name-under-head",
        "White House spokesman Josh Earnest said the talks were over.",
        "White House spokesman Josh Earnest",
        "Josh Earnest",
    ),
    # pronouns
    ("he", "John Smith arrived in Paris on Monday. He said the talks were over.", "He", "John Smith"),
    ("she", "Maria Lopez arrived in Paris on Monday. She said the talks were over.", "She", "Maria Lopez"),
    (
        "she-skips-organisation",
        "Maria Lopez met the World Bank on Monday. She said the talks were over.",
        "She",
        "Maria Lopez",
    ),
    (
        "it-organisation",
        "The World Bank cut its forecast on Monday. It said growth would slow.",
        "It",
        "World Bank",
    ),
    (
        "they-organisation",
        "Hamas rejected the American plan. They said it was insufficient.",
        "They",
        "Hamas",
    ),
    ("relative-who", "Reporters met John Smith, who said the talks were over.", "who", "John Smith"),
    # nominals
    (
        "the-group",
        "Hamas rejected the American plan. The group said it was insufficient.",
        "The group",
        "Hamas",
    ),
    (
        "the-movement",
        "Hamas rejected the American plan. The movement said it was insufficient.",
        "The movement",
        "Hamas",
    ),
    (
        "the-ministry",
        "The Interior Ministry banned the rally on Friday. The ministry said the protest was illegal.",
        "The ministry",
        "Interior Ministry",
    ),
    (
        "official-by-description",
        "Khalil al-Haya, a senior official from Hamas, spoke in Cairo. The official said the offer stands.",
        "The official",
        "Khalil al-Haya",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_resolve(nlp: Language, case: tuple[str, str, str, str | None]) -> None:
    _, text, mention, expected = case
    assert resolve(nlp, text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        # a person pronoun with only organisations and places before it
        ("The World Bank cut its forecast for Egypt. He said growth would slow.", "He"),
        # a person nominal no description supports
        ("John Smith arrived in Paris. The spokesman said the talks were over.", "The spokesman"),
        # first person
        ("John Smith arrived in Paris. I said the talks were over.", "I"),
        # nothing before at all
        ("She said the talks were over.", "She"),
        ("The group said the talks were over.", "The group"),
        # plural people in between: "they" are the officials, not Hamas
        (
            "Hamas rejected the plan. Several officials met in Cairo on Monday. "
            "They said the talks were over.",
            "They",
        ),
        # "a member of Hamas" is not Hamas
        ("A member of Hamas said the talks were over.", "A member of Hamas"),
    ],
)
def test_unresolvable_is_none(nlp: Language, text: str, mention: str) -> None:
    assert resolve(nlp, text, mention) is None


def test_resolution_is_pure(nlp: Language) -> None:
    """Same inputs, same answer; the index is not modified."""
    from claimline.actors import extract_actors
    from claimline.sentences import extract_sentences

    text = "John Smith arrived in Paris on Monday. He said the talks were over."
    doc = nlp(text)
    actors = extract_actors(doc, extract_sentences(doc, 0))
    before = [a.model_dump() for a in actors.actors]
    start = text.index("He said")
    first = resolve_speaker(doc, start, start + 2, actors)
    second = resolve_speaker(doc, start, start + 2, actors)
    assert first == second is not None
    assert [a.model_dump() for a in actors.actors] == before
    assert resolve_speaker(doc, start, start, actors) is None


def test_a_title_is_a_person_noun_on_a_hand_built_doc() -> None:
    """ "Chancellor Angela Merkel ... The chancellor said": actors strip the title from the name, so
    coreference must know it as a person noun too (people.toml keeps one list for both)."""
    import spacy
    from spacy.tokens import Doc

    from claimline.actors import extract_actors
    from claimline.sentences import extract_sentences

    doc = Doc(
        spacy.blank("en").vocab,
        words=["Chancellor", "Angela", "Merkel", "arrived", ".", "The", "chancellor", "said", "so", "."],
        pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "ADV", "PUNCT"],
        lemmas=["Chancellor", "Angela", "Merkel", "arrive", ".", "the", "chancellor", "say", "so", "."],
        deps=["compound", "compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "advmod", "punct"],
        heads=[2, 2, 3, 3, 3, 6, 7, 7, 7, 7],
        ents=["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"],
    )
    actors = extract_actors(doc, extract_sentences(doc))
    start = doc[5].idx
    actor = resolve_speaker(doc, start, doc[6].idx + len("chancellor"), actors)
    assert actor is not None and actors.get(actor).name == "Angela Merkel"
