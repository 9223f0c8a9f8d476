"""Offsets that name their unit: a character span of the input text, or a token span of a Doc.

Both are plain named tuples (so `start, end = span` and slicing still work), but a signature that
says `CharSpan` or `TokenSpan` tells the reader, and mypy, which unit an offset pair is in.
"""

from __future__ import annotations

from typing import NamedTuple


class CharSpan(NamedTuple):
    """Character offsets into the decoded input text, end exclusive (`text[start:end]`)."""

    start: int
    end: int


class TokenSpan(NamedTuple):
    """Token indices into a `Doc`, end exclusive (`doc[start:end]`)."""

    start: int
    end: int
