"""Reading input: bytes to text (with an honest encoding fallback), headline and body."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from claimline.dateline import dateline_end
from claimline.errors import InputError

# Larger inputs are almost certainly not one article; refuse rather than exhaust memory.
MAX_INPUT_BYTES = 50 * 1024 * 1024
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_FINAL_PUNCTUATION = tuple(".!?:;…\"'”’)")


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str = "input") -> DecodedText:
    """UTF-8 (with or without BOM), else a single-byte fallback with a warning.

    Raises InputError for empty, whitespace-only or binary (NUL bytes) input.
    """
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name}: input too large ({len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,})",
            code="too_large",
        )
    if b"\x00" in data:
        raise InputError(f"{name}: binary input (contains NUL bytes), expected a text file", code="binary")
    warnings: list[str] = []
    encoding = "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        encoding = "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        warnings.append(f"{name}: not valid UTF-8; decoded as {encoding}")
    return DecodedText(text=check_text(text, name), encoding=encoding, warnings=warnings)


def check_text(text: str, name: str = "input") -> str:
    """Reject text that cannot be an article: empty, whitespace-only or with NUL characters."""
    if not text.strip():
        raise InputError(f"{name}: empty input", code="empty")
    if "\x00" in text:
        raise InputError(f"{name}: binary input (contains NUL characters)", code="binary")
    return text


def read_path(path: Path) -> DecodedText:
    """Read one article file; a directory or a missing path is an InputError with a hint."""
    if str(path) != "-" and path.is_dir():
        raise InputError(
            f"{path}: is a directory (use `claimline batch {path}` for folders)", code="is_directory"
        )
    if not path.exists():
        raise InputError(f"{path}: no such file", code="not_found")
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{path}: input too large ({size:,} bytes; the limit is {MAX_INPUT_BYTES:,})",
                code="too_large",
            )
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})", code="unreadable") from error
    return decode(data, str(path))


@dataclass(frozen=True)
class Layout:
    """Where the headline and dateline are (if any) and where the body and its sentences start."""

    title_start: int | None
    title_end: int | None
    body_start: int
    dateline_end: int | None = None

    @property
    def sentences_start(self) -> int:
        """Body sentences start after the dateline, which is metadata, not prose."""
        return self.dateline_end if self.dateline_end is not None else self.body_start


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def find_layout(text: str) -> Layout:
    """A first line without final punctuation, followed by a blank line, is the headline.

    A headline repeated as the first body paragraph (as scraped pages often do) is skipped too,
    and a dateline opening the body is set apart from the first sentence.
    """
    leading = len(text) - len(text.lstrip())
    body_start = leading
    title_start = title_end = None
    match = _BLANK_LINE.search(text, leading)
    first = text[leading : match.start()].rstrip() if match else ""
    if match and first and "\n" not in first and not first.endswith(_FINAL_PUNCTUATION) and len(first) <= 300:
        title_start, title_end = leading, leading + len(first)
        body_start = match.end()
        repeat = _BLANK_LINE.search(text, body_start)
        paragraph_end = repeat.start() if repeat else len(text)
        if " ".join(text[body_start:paragraph_end].split()) == " ".join(first.split()):
            body_start = repeat.end() if repeat else len(text)
    return Layout(title_start, title_end, body_start, dateline_end(text, body_start))
