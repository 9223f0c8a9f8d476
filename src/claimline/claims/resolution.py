"""Resolution: candidates merged, nested and duplicate ones dropped, the rest turned into claims."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from claimline.actors import ActorIndex
from claimline.claims.candidate import Candidate, SentenceBounds, overlaps, subtree_chars
from claimline.claims.lexicon import BELIEF_VERBS, SPEECH_VERBS, STANCE_ONLY
from claimline.coref import resolve_by_name, resolve_speaker
from claimline.models import Claim, Content, Cue, Speaker, TimeExpression
from claimline.sentences import SentenceIndex
from claimline.spans import CharSpan


def drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Drop claims whose cue lies inside the content of another: "Clinton says she hopes ..." is one
    claim of the article, the hope is part of what Clinton said. A speech cue inside a mere stance
    object ("criticized him for saying that ...") stays. Near-linear: contents sorted by start."""
    ordered = sorted(candidates, key=lambda c: c.content[0])
    starts = [c.content[0] for c in ordered]
    longest = max((c.content[1] - c.content[0] for c in ordered), default=0)
    kept: list[Candidate] = []
    for candidate in candidates:
        cue = candidate.cue
        nested = False
        if cue is not None:
            i = bisect_right(starts, cue[0]) - 1
            while i >= 0 and starts[i] >= cue[0] - longest:
                other = ordered[i]
                i -= 1
                if (
                    other is candidate
                    or (
                        other.priority < candidate.priority
                        and other.kind == "indirect"
                        and other.cue_lemma in STANCE_ONLY
                    )
                    # "The researchers reported X; the report says Y, according to its website": the
                    # source in a phrase does not stand for the speakers of the clauses it covers
                    or (other.kind == "according_to" and candidate.cue_lemma in SPEECH_VERBS)
                    # "he reportedly told aides that ...": the telling is his claim all the same
                    or other.rule == "evidential"
                ):
                    continue
                if cue[1] <= other.content[1] and not (other.cue is not None and overlaps(other.cue, cue)):
                    nested = True
                    break
        if not nested:
            kept.append(candidate)
    return kept


def _time_for(
    candidate: Candidate, times: list[TimeExpression], time_starts: list[int], sents: SentenceBounds
) -> str | None:
    """A time expression in the cue's clause, outside the content."""
    anchor = candidate.anchor
    if anchor is None:
        return None
    clause_start, clause_end = subtree_chars(anchor)
    sent_start, sent_end, _ = sents.of(anchor)
    clause_start, clause_end = max(clause_start, sent_start), min(clause_end, sent_end)
    for time in times[bisect_left(time_starts, clause_start) :]:
        if time.start >= clause_end:
            break
        if time.end <= clause_end and not overlaps((time.start, time.end), candidate.content):
            return time.id
    return None


def without_carriers(
    candidates: list[Candidate], nouns: list[tuple[int | None, Candidate]]
) -> list[Candidate]:
    """Noun cues added: "citing concerns that ..." replaces the carrier verb's object reading."""
    carriers: set[int] = set()
    noun_claims: list[Candidate] = []
    for carrier, candidate in nouns:
        if carrier is not None:
            carriers.add(carrier)
        noun_claims.append(candidate)
    return [c for c in candidates if c.anchor is None or c.anchor.i not in carriers] + noun_claims


def with_according(candidates: list[Candidate], according: Iterable[tuple[Token, Candidate]]) -> None:
    """ "according to X": the source of the inner speech or belief verb's claim (via: "according to
    Bloomberg, some investors believe ..."), else a claim of its own, added to `candidates`; an act or
    stance inside it ("Trump demeaned women, according to insiders") is X's claim, since nobody reports
    Trump saying so (it is then nested in X's content and dropped)."""
    by_anchor: dict[int, Candidate] = {}
    for c in candidates:
        if c.anchor is not None and c.speaker is not None:
            by_anchor.setdefault(c.anchor.i, c)
    for head, candidate in according:
        inner = by_anchor.get(head.i)
        if inner is not None and (inner.cue_lemma in SPEECH_VERBS or inner.cue_lemma in BELIEF_VERBS):
            inner.via.append(candidate.speaker or CharSpan(0, 0))
            continue
        candidates.append(candidate)


def dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One claim per content: the speech cue wins over stance readings of the same words."""
    kept: list[Candidate] = []
    contents: set[tuple[int, int]] = set()
    cues: set[tuple[int, int]] = set()
    for candidate in sorted(candidates, key=lambda c: (-c.priority, c.content[0])):
        if candidate.content in contents or (candidate.cue is not None and candidate.cue in cues):
            continue
        kept.append(candidate)
        contents.add(candidate.content)
        if candidate.cue is not None:
            cues.add(candidate.cue)
    return kept


def to_claims(
    doc: Doc,
    sents: SentenceBounds,
    candidates: list[Candidate],
    actors: ActorIndex,
    times: list[TimeExpression],
    sentences: SentenceIndex,
) -> list[Claim]:
    text = sents.text
    ordered = sorted(candidates, key=lambda c: (_claim_start(c), c.content[0]))
    time_starts = [time.start for time in times]  # times come in text order
    claims: list[Claim] = []
    body_start = sentences.sentences[0].start
    for candidate in ordered:
        sentence = sentences.id_at(_claim_start(candidate))
        if sentence is None:
            sentence = sentences.id_at(candidate.content[0])
        if sentence is None and candidate.content[1] > body_start:
            continue  # between sentences; a claim wholly before the body is the headline's (null)
        speaker = None
        if candidate.speaker is not None:
            s, e = candidate.speaker
            actor = resolve_speaker(doc, s, e, actors)
            if actor is None and sentence is None:
                actor = resolve_by_name(text[s:e], actors)  # the headline has no actor mentions
            speaker = Speaker(start=s, end=e, text=text[s:e], actor=actor)
        cue = None
        if candidate.cue is not None:
            s, e = candidate.cue
            cue = Cue(start=s, end=e, text=text[s:e], lemma=candidate.cue_lemma)
        s, e = candidate.content
        via: list[str] = []
        for vs, ve in candidate.via:
            actor = actors.actor_at(vs, ve)
            if actor is not None and actor not in via:
                via.append(actor)
        claims.append(
            Claim(
                id=f"c{len(claims)}",
                speaker=speaker,
                cue=cue,
                content=Content(start=s, end=e, text=text[s:e]),
                kind=candidate.kind,
                via=via,
                sentence=sentence,
                time=_time_for(candidate, times, time_starts, sents),
            )
        )
    return claims


def _claim_start(candidate: Candidate) -> int:
    """Where the claim starts: its first span, the speaker included only when the claim has its own
    cue (a quote continuing a neighbouring speaker starts at the quote)."""
    starts = [candidate.content[0]]
    if candidate.cue is not None:
        starts.append(candidate.cue[0])
        if candidate.speaker is not None and abs(candidate.speaker[0] - candidate.content[0]) < 400:
            starts.append(candidate.speaker[0])
    return min(starts)
