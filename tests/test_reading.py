"""Decoding and layout: hostile bytes and headline detection, no model needed."""

from __future__ import annotations

import pytest

from claimline.errors import InputError
from claimline.reading import decode, find_layout


def test_utf8_with_and_without_bom() -> None:
    assert decode("Gaza – “quoted”".encode()).text == "Gaza – “quoted”"
    decoded = decode(b"\xef\xbb\xbfHello there.")
    assert decoded.text == "Hello there."
    assert decoded.warnings == []


def test_cp1252_fallback_warns() -> None:
    decoded = decode("“Smart” quotes – café".encode("cp1252"), "x.txt")
    assert decoded.text == "“Smart” quotes – café"
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ["x.txt: not valid UTF-8; decoded as cp1252"]


@pytest.mark.parametrize(
    ("data", "code"), [(b"", "empty"), (b" \n \r\n\t", "empty"), (b"ab\x00cd", "binary")]
)
def test_rejected_inputs(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data)
    assert caught.value.code == code


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimline.reading as reading

    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 10)
    with pytest.raises(InputError) as caught:
        reading.decode(b"x" * 11)
    assert caught.value.code == "too_large"


def test_headline_is_recognised() -> None:
    text = "Talks Reach Critical Point\n\nThe talks went on. They ended."
    layout = find_layout(text)
    assert (layout.title_start, layout.title_end) == (0, 26)
    assert text[layout.body_start :].startswith("The talks")


def test_repeated_headline_is_skipped() -> None:
    text = "Talks Reach Critical Point\n\nTalks Reach Critical Point\n\nThe talks went on."
    layout = find_layout(text)
    assert text[layout.body_start :] == "The talks went on."


@pytest.mark.parametrize(
    "text",
    [
        "The talks went on.\n\nThey ended.",  # first line ends with punctuation: a sentence
        "One paragraph only without a full stop",  # no blank line after it
        "Line one\nline two\n\nBody.",  # not a single line
    ],
)
def test_no_headline(text: str) -> None:
    layout = find_layout(text)
    assert layout.title_start is None
    assert layout.body_start == 0
