"""Publication date from datelines and metadata lines."""

from __future__ import annotations

from datetime import date

import pytest

from claimline.dateline import find_publication_date

APRIL_10 = date(2025, 4, 10)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, April 10, 2025 (Reuters) - The United States said on Thursday ...",
        "WASHINGTON, April 10, 2025 (Reuters) — The United States said ...",
        "April 10, 2025 — Negotiators met again in Cairo.",
        "April 10, 2025 - Negotiators met again in Cairo.",
        "10 April 2025 - Negotiators met again in Cairo.",
        "Thursday, April 10, 2025 -- Negotiators met.",
        "Published: 10 April 2025\n\nNegotiators met again.",
        "Published on April 10, 2025\nNegotiators met again.",
        "Updated: April 10, 2025 at 10:32 a.m. EDT\nNegotiators met again.",
        "Date: 2025-04-10\n\nNegotiators met again.",
        "2025-04-10\n\nNegotiators met again.",
        "2025-04-10T08:15:00Z\nNegotiators met again.",
        "NEW YORK (AP) April 10, 2025 - Stocks fell.",
        "BEIJING, Apr. 10, 2025 (Xinhua) -- China said.",
        "GAZA CITY, April 10th, 2025 (AFP) - Residents said.",
        "April 10, 2025\nNegotiators met again.",
    ],
)
def test_datelines_and_metadata(text: str) -> None:
    assert find_publication_date(text) == APRIL_10


@pytest.mark.parametrize(
    "text",
    [
        "GAZA, April 10 (Reuters) - Israel said ...",  # no year: never guessed
        "April 10 - Negotiators met again.",
        "The talks held on April 10, 2025 ended without agreement.",  # a date in running text
        "Negotiators met again in Cairo on Thursday.",
        "In 2025-04-10 filings the company said.",
        "",
        "Published: yesterday\nBody.",
        "WASHINGTON, February 30, 2025 (Reuters) - impossible date.",
    ],
)
def test_no_publication_date(text: str) -> None:
    assert find_publication_date(text) is None


def test_dateline_after_headline_uses_body_start() -> None:
    text = "Talks stall in Cairo\n\nCAIRO, April 10, 2025 (Reuters) - Negotiators said."
    body = text.index("CAIRO")
    assert find_publication_date(text, body) == APRIL_10


def test_metadata_line_just_before_body() -> None:
    text = "Talks stall in Cairo\nPublished: 10 April 2025\n\nNegotiators said on Thursday."
    body = text.index("Negotiators")
    assert find_publication_date(text, body) == APRIL_10


def test_date_deep_in_body_is_ignored() -> None:
    text = "Negotiators met.\nThey talked.\nThey left.\nThey returned.\nApril 10, 2025 - late line."
    assert find_publication_date(text) is None
