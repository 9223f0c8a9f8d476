"""Sentence stage: body sentences with ids and offsets, and a char -> sentence lookup."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from claimline.models import Sentence

PARAGRAPH_BREAK_FACTORY = "claimline_paragraphs"
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


@Language.component(PARAGRAPH_BREAK_FACTORY)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and paragraphs never merge, and at
    the character offsets listed in `doc.user_data["claimline.sentence_starts"]` (after a dateline).

    Runs before the parser, which respects sentence starts already set.
    """
    starts = set(doc.user_data.get(SENTENCE_STARTS_KEY, ()))
    for token in doc[1:]:
        if token.idx in starts:
            token.is_sent_start = True
            continue
        previous = doc[token.i - 1]
        if (previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.is_space and "\n" in token.text:
            # keep layout whitespace attached to the sentence before it
            token.is_sent_start = False
    return doc


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
