"""Helpers for checking that every span in an output points back into the input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def iter_spans(node: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every JSON object with integer start/end and a text field, with its JSON path."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and "text" in node:
            yield path, node
        for key, value in node.items():
            yield from iter_spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from iter_spans(value, f"{path}[{number}]")


def assert_spans_match(data: dict[str, Any], text: str) -> int:
    count = 0
    for path, span in iter_spans(data):
        assert 0 <= span["start"] <= span["end"] <= len(text), path
        assert text[span["start"] : span["end"]] == span["text"], path
        count += 1
    return count
