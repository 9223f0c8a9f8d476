"""Actor canonicalisation on the real model, with texts written for these tests."""

from __future__ import annotations

import pytest

import claimline
from claimline.actors import initials, normalise_name
from claimline.models import Article


def by_name(article: Article) -> dict[str, str]:
    return {actor.name: actor.kind for actor in article.actors}


@pytest.mark.parametrize(
    ("name", "key"),
    [("Na’im", "na'im"), ("U.S.", "us"), ("  New   York ", "new york"), ("O`Brien", "o'brien")],
)
def test_normalise_name(name: str, key: str) -> None:
    assert normalise_name(name) == key


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("United States", "us"),
        ("International Monetary Fund", "imf"),
        ("United Nations", "un"),
        ("Federal Bureau of Investigation", "fbi"),
    ],
)
def test_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


@pytest.mark.usefixtures("nlp")
def test_surname_refers_to_full_name() -> None:
    article = claimline.extract(
        "Angela Merkel met union leaders in Berlin on Monday. Merkel said the talks were useful. "
        "Later, Merkel left for Paris."
    )
    merkel = [a for a in article.actors if "Merkel" in a.name]
    assert len(merkel) == 1
    assert merkel[0].name == "Angela Merkel"
    assert merkel[0].kind == "person"
    assert len(merkel[0].mentions) == 3


@pytest.mark.usefixtures("nlp")
def test_acronym_joins_full_name() -> None:
    article = claimline.extract(
        "The United Nations called for a truce. A UN spokesman said aid convoys were ready. "
        "The UN has twelve staff in the city."
    )
    un = [a for a in article.actors if a.name == "United Nations"]
    assert len(un) == 1
    assert "UN" in un[0].aliases


@pytest.mark.usefixtures("nlp")
def test_appositive_description_and_title() -> None:
    article = claimline.extract(
        "Maria Lopez, a senior economist at the central bank, said inflation was easing. "
        "Ms. Lopez added that rates would stay on hold."
    )
    lopez = [a for a in article.actors if "Lopez" in a.name]
    assert len(lopez) == 1
    assert lopez[0].kind == "person"
    assert any("economist" in d for d in lopez[0].descriptions)


@pytest.mark.usefixtures("nlp")
def test_nationality_adjective_is_not_an_actor() -> None:
    article = claimline.extract("An American plan was rejected by the council in Geneva.")
    assert "American" not in by_name(article)


@pytest.mark.usefixtures("nlp")
@pytest.mark.parametrize(
    "text",
    [
        "Dock workers at the port of Rotterdam extended their strike on Tuesday.",
        "Farmers in the city of Eindhoven protested against the new tax on Monday.",
    ],
)
def test_place_syntax_outweighs_a_person_label(text: str) -> None:
    article = claimline.extract(text)
    for actor in article.actors:
        if actor.name in ("Rotterdam", "Eindhoven"):
            assert actor.kind == "place"
