"""Quotes: quotation marks paired at the character level, with bisect lookups over them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

OPEN_QUOTES = "“„‟«"
CLOSE_QUOTES = "”»"
STRAIGHT = '"'
ALL_QUOTES = OPEN_QUOTES + CLOSE_QUOTES + STRAIGHT


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of text, marks included; `closed` is False for an unbalanced quote."""

    start: int
    end: int
    closed: bool


def find_quotes(text: str) -> list[Quote]:
    """Quotes delimited by double marks, straight or curly, in any mix; never fails.

    Curly marks nest (“he calls “hell” home” is one quote); straight marks toggle, and inside a
    quote opened by a curly mark they pair as text, except that a straight mark that ends a word
    closes a curly quote (“no evidence" yet). Inside a straight quote, curly marks nest, and a
    closing curly mark with none open closes it (mixed marks: "...,” she said). A paragraph that
    opens a quote without closing it continues into the next paragraph when that one opens with a
    quotation mark (the newspaper convention); otherwise the quote ends with the paragraph. A
    closing mark opening a paragraph is taken for an opening one (a common typo); any other
    unmatched closing mark is ignored.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    depth = 0
    straight = False  # the open quote started with a straight mark
    inner_straight = False  # a straight pair opened inside a curly quote
    pending: int | None = None  # start of a quote carried over a paragraph break
    pending_end = 0
    pending_straight = False
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        first = line_start + (len(line) - len(line.lstrip()))
        skip_first = False
        if pending is not None:
            if stripped[0] in ALL_QUOTES:
                open_at, depth, straight, skip_first = pending, 1, pending_straight, True
                inner_straight = False
            else:
                quotes.append(Quote(pending, pending_end, closed=False))
            pending = None
        for offset, ch in enumerate(line):
            if ch not in ALL_QUOTES:
                continue
            char = line_start + offset
            if skip_first and char == first:
                continue
            if ch == STRAIGHT:
                if open_at is None:
                    open_at, depth, straight, inner_straight = char, 1, True, False
                elif straight:
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
                elif inner_straight or (offset + 1 < len(line) and line[offset + 1].isalnum()):
                    inner_straight = not inner_straight  # a straight pair quoted inside: text
                elif depth == 1:
                    # a closing straight mark ends a curly quote (mixed marks: “no evidence" yet)
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
            elif open_at is not None and straight:
                # curly marks inside a straight quote nest; a closing one with none open closes it
                # (mixed marks: "Oz has a huge bully pulpit,” said ...)
                if ch in OPEN_QUOTES:
                    depth += 1
                elif depth > 1:
                    depth -= 1
                else:
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
            elif ch in OPEN_QUOTES or (ch in CLOSE_QUOTES and open_at is None and char == first):
                if open_at is None:
                    open_at, depth, straight, inner_straight = char, 1, False, False
                elif not straight:
                    depth += 1
            elif open_at is not None and not straight:
                depth -= 1
                if depth == 0:
                    quotes.append(Quote(open_at, char + 1, closed=True))
                    open_at = None
        if open_at is not None:
            pending, pending_straight = open_at, straight
            pending_end = line_start + len(line.rstrip())
            open_at = None
    if pending is not None:
        quotes.append(Quote(pending, pending_end, closed=False))
    return quotes


def typewriter_quotes(text: str) -> tuple[str, list[Quote]]:
    """`text` with two apostrophes standing for a double quotation mark (''like this'', a newswire
    convention) read as one, same length ("''" -> "\"'"), and its quotes, each to its last mark."""
    if "''" not in text:
        return text, find_quotes(text)
    marked = text.replace("''", "\"'")
    pair = "\"'"
    quotes = [
        Quote(q.start, q.end + 1, q.closed) if q.closed and marked[q.end - 1 : q.end + 1] == pair else q
        for q in find_quotes(marked)
    ]
    return marked, quotes


class QuoteIndex:
    """The quotes of one text (disjoint, in order) with bisect lookups."""

    def __init__(self, text: str, quotes: list[Quote]) -> None:
        self.text = text  # `Doc.text` is rebuilt on every access: read it once
        self.quotes = quotes
        self._starts = [q.start for q in quotes]
        self._ends = [q.end for q in quotes]

    def containing(self, start: int, end: int) -> Quote | None:
        i = bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        lo = bisect_right(self._ends, start)
        hi = bisect_left(self._starts, end)
        return self.quotes[lo:hi]

    def next_from(self, char: int) -> Quote | None:
        """The first quote starting at or after `char`."""
        i = bisect_left(self._starts, char)
        return self.quotes[i] if i < len(self.quotes) else None

    def last_before(self, char: int) -> Quote | None:
        """The last quote ending at or before `char`."""
        i = bisect_right(self._ends, char) - 1
        return self.quotes[i] if i >= 0 else None
