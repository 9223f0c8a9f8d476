"""Sentence stage: body sentences with ids and offsets, and a char -> sentence lookup."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import numpy
from spacy.attrs import ORTH, SENT_START
from spacy.errors import Errors
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimline.models import Sentence
from claimline.reading import find_layout

_TEXT_KEY = "claimline.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def is_paragraph_break(whitespace: str) -> bool:
    """A blank line (two newlines, possibly with spaces between) separates paragraphs."""
    return whitespace.count("\n") >= 2


SENTENCE_STARTS_KEY = "claimline.sentence_starts"


def dateline_sentence_starts(text: str) -> list[int]:
    """Where a sentence starts after a dateline ("GAZA, April 10 (Reuters) -"), which is not prose."""
    end = find_layout(text).dateline_end
    return [] if end is None else [end]


def mark_paragraph_starts(doc: Doc) -> Doc:
    """The `claimline_paragraphs` component: start a sentence after every line break, so
    headlines and paragraphs never merge, and at the character offsets listed in
    `doc.user_data["claimline.sentence_starts"]` (by default: after the text's dateline).

    Runs before the parser, which respects sentence starts already set.
    """
    listed = doc.user_data.get(SENTENCE_STARTS_KEY)
    starts = set(dateline_sentence_starts(doc.text) if listed is None else listed)
    line_breaks = _line_break_words(doc.vocab)
    marks: list[tuple[int, int]] = []  # (token index, 1 = starts a sentence, -1 = does not)
    previous_breaks = False
    # A line break is a whitespace token: spaCy's trailing whitespace (`whitespace_`) is one space
    # or nothing. Whether a word is one is decided once per distinct word (by orth id, read from
    # one array: a Token object is built only for a word not seen before).
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        breaks = line_breaks.get(orth)
        if breaks is None:
            token = doc[i]
            breaks = line_breaks[orth] = token.is_space and "\n" in token.text
        if i == 0:
            pass
        elif (starts and doc[i].idx in starts) or previous_breaks:
            marks.append((i, 1))
        elif breaks:
            # keep layout whitespace attached to the sentence before it
            marks.append((i, -1))
        previous_breaks = breaks
    if marks:
        # All at once: each `token.is_sent_start = ...` would scan the whole Doc for a parse.
        if doc.has_annotation("DEP"):
            raise ValueError(Errors.E043)
        values = doc.to_array(SENT_START)  # uint64, one value per token, as from_array wants it
        signed = values.view(numpy.int64)  # the same memory, so -1 can be written
        for i, value in marks:
            signed[i] = value
        doc.from_array(SENT_START, values)  # type: ignore[arg-type]  # spaCy's stub types to_array as float64
    return doc


_LINE_BREAK_WORDS: dict[int, tuple[Vocab, dict[int, bool]]] = {}


def _line_break_words(vocab: Vocab) -> dict[int, bool]:
    """Per Vocab: whether a word (by orth id) is whitespace holding a line break."""
    cached = _LINE_BREAK_WORDS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        cached = _LINE_BREAK_WORDS[id(vocab)] = (vocab, {})
    return cached[1]


class SentenceIndex:
    """The body sentences in order, with a fast character-offset lookup."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self._starts = [s.start for s in self.sentences]

    def __len__(self) -> int:
        return len(self.sentences)

    def at(self, char: int) -> Sentence | None:
        """The sentence containing character offset `char`, if any."""
        i = bisect_right(self._starts, char) - 1
        if i >= 0 and char < self.sentences[i].end:
            return self.sentences[i]
        return None

    def id_at(self, char: int) -> str | None:
        sentence = self.at(char)
        return sentence.id if sentence else None


def extract_sentences(doc: Doc, body_start: int = 0) -> SentenceIndex:
    """Body sentences of `doc`: whitespace trimmed, the headline (before `body_start`) left out."""
    text = doc_text(doc)
    sentences: list[Sentence] = []
    paragraph = 0
    previous_end = body_start
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        if end <= body_start:
            continue
        start = max(start, body_start)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if sentences and is_paragraph_break(text[previous_end:start]):
            paragraph += 1
        sentences.append(
            Sentence(id=f"s{len(sentences)}", start=start, end=end, text=text[start:end], paragraph=paragraph)
        )
        previous_end = end
    return SentenceIndex(sentences)
