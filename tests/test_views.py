"""Views: terminal table, Markdown, self-contained HTML report (parsed, and opened in Chromium)."""

from __future__ import annotations

import base64
import contextlib
import fcntl
import io
import itertools
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.terminal_theme import DIMMED_MONOKAI

from claimline.models import (
    Actor,
    Article,
    Claim,
    Content,
    Cue,
    Event,
    EventRelation,
    Generator,
    Mention,
    Sentence,
    Source,
    Span,
    Speaker,
    TimeExpression,
    Trigger,
)
from claimline.views.html import render_html
from claimline.views.markdown import escape_markdown, render_markdown
from claimline.views.terminal import render_table

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "hamas-negotiations.txt"
SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE_SNAPSHOTS = os.environ.get("CLAIMLINE_UPDATE_SNAPSHOTS") == "1"
GENERATOR = Generator(version="0.1.0", model="test", model_version="0.0")


# ---------------------------------------------------------------------------------------------
# Hand-built articles (no model needed)


class _Builder:
    """Builds an `Article` over `text`, locating spans by their text (so offsets are right)."""

    def __init__(self, text: str, *, title_lines: int = 1, name: str = "article.txt") -> None:
        self.text = text
        lines = text.split("\n")
        title = "\n".join(lines[:title_lines]).strip() if title_lines else None
        body_start = len("\n".join(lines[:title_lines])) if title_lines else 0
        self.body_start = body_start
        self.sentences: list[Sentence] = []
        paragraph = -1
        for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[body_start:]):
            paragraph += 1
            for match in re.finditer(r"[^.!?\s][^.!?]*[.!?]+[”\"]?|[^.!?\s][^.!?]*$", block.group()):
                start = body_start + block.start() + match.start()
                end = body_start + block.start() + match.end()
                self.sentences.append(
                    Sentence(
                        id=f"s{len(self.sentences)}",
                        start=start,
                        end=end,
                        text=text[start:end],
                        paragraph=paragraph,
                    )
                )
        self.source = Source(
            name=name,
            sha256="0" * 64,
            chars=len(text),
            title=title,
            title_span=Span(start=0, end=len(title), text=title) if title else None,
            published=None,
        )
        self.actors: list[Actor] = []
        self.times: list[TimeExpression] = []
        self.events: list[Event] = []
        self.claims: list[Claim] = []

    def find(self, needle: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(needle, after)
        return start, start + len(needle)

    def sentence_at(self, char: int) -> str | None:
        for s in self.sentences:
            if s.start <= char < s.end:
                return s.id
        return None

    def actor(self, name: str, kind: Any, *mentions: str, aliases: tuple[str, ...] = ()) -> str:
        found = []
        for m in mentions:
            for match in re.finditer(re.escape(m), self.text):
                found.append(
                    Mention(
                        start=match.start(),
                        end=match.end(),
                        text=m,
                        sentence=self.sentence_at(match.start()),
                    )
                )
        actor_id = f"a{len(self.actors)}"
        self.actors.append(Actor(id=actor_id, name=name, kind=kind, aliases=list(aliases), mentions=found))
        return actor_id

    def time(self, text: str, value: str, earliest: date | None, latest: date | None, mod: Any = None) -> str:
        start, end = self.find(text)
        time_id = f"t{len(self.times)}"
        self.times.append(
            TimeExpression(
                id=time_id,
                start=start,
                end=end,
                text=text,
                type="DATE",
                value=value,
                mod=mod,
                earliest=earliest,
                latest=latest,
                sentence=self.sentence_at(start),
            )
        )
        return time_id

    def event(
        self,
        trigger: str,
        lemma: str,
        summary: str,
        actors: list[str],
        time: str | None = None,
        earliest: date | None = None,
        latest: date | None = None,
        after: int = 0,
    ) -> str:
        start, end = self.find(trigger, after)
        event_id = f"e{len(self.events)}"
        sentence = self.sentence_at(start)
        assert sentence is not None
        if time is not None and earliest is None and latest is None:
            t = next(t for t in self.times if t.id == time)
            earliest, latest = t.earliest, t.latest
        self.events.append(
            Event(
                id=event_id,
                trigger=Trigger(start=start, end=end, text=trigger, lemma=lemma),
                summary=summary,
                actors=actors,
                time=time,
                earliest=earliest,
                latest=latest,
                sentence=sentence,
            )
        )
        return event_id

    def claim(
        self,
        speaker: str | None,
        actor: str | None,
        cue: str | None,
        content: str,
        kind: Any,
        via: tuple[str, ...] = (),
        time: str | None = None,
    ) -> str:
        c_start, c_end = self.find(content)
        spk = None
        if speaker is not None:
            s_start, s_end = self.find(speaker, self.body_start)
            spk = Speaker(start=s_start, end=s_end, text=speaker, actor=actor)
        cue_span = None
        if cue is not None:
            q_start, q_end = self.find(cue, self.body_start)
            cue_span = Cue(start=q_start, end=q_end, text=cue, lemma=cue)
        claim_id = f"c{len(self.claims)}"
        sentence = self.sentence_at(c_start)
        assert sentence is not None
        self.claims.append(
            Claim(
                id=claim_id,
                speaker=spk,
                cue=cue_span,
                content=Content(start=c_start, end=c_end, text=content),
                kind=kind,
                via=list(via),
                sentence=sentence,
                time=time,
            )
        )
        return claim_id

    def build(self, **source: Any) -> Article:
        return Article(
            source=self.source.model_copy(update=source),
            generator=GENERATOR,
            sentences=self.sentences,
            actors=self.actors,
            times=self.times,
            timeline=self.events,
            claims=self.claims,
        )


def seed_like_article() -> Article:
    """The seed article with a hand-made analysis: the shape the pipeline produces."""
    b = _Builder(SEED.read_text(encoding="utf-8"), name="hamas-negotiations.txt")
    hamas = b.actor("Hamas", "organization", "Hamas", "The group")
    israel = b.actor("Israel", "place", "Israel")
    naim = b.actor("Bassem Na’im", "person", "Bassem Na’im", "Na’im", aliases=("Na’im",))
    tass = b.actor("TASS", "organization", "TASS")
    haya = b.actor("Khalil al-Haya", "person", "Khalil al-Haya")
    egypt = b.actor("Egypt", "place", "Egypt")
    qatar = b.actor("Qatar", "place", "Qatar")
    us = b.actor("United States", "place", "the United States", "The US", aliases=("The US",))
    late_march = b.time("late March", "2025-03", date(2025, 3, 21), date(2025, 3, 31), mod="END")
    march_18 = b.time("the night of 18 March", "2025-03-18", date(2025, 3, 18), date(2025, 3, 18))
    b.event("stated", "state", "Bassem Na’im stated any agreement must include a ceasefire", [naim])
    b.event("revealed", "reveal", "Khalil al-Haya revealed Hamas responded to the offer", [haya], late_march)
    b.event("responded", "respond", "Hamas responded positively to an offer", [hamas, egypt, qatar])
    resumed = b.event("resumed", "resume", "Israel resumed military operations", [israel, hamas], march_18)
    b.event("struck", "strike", "Israel struck targets within Gaza", [israel], march_18)
    refusal = b.event(
        "refusal", "refusal", "Hamas refused an American plan", [hamas], latest=date(2025, 3, 18)
    )
    b.events[-2] = b.events[-2].model_copy(update={"relations": [EventRelation(type="AFTER", event=refusal)]})
    assert b.events[-3].id == resumed
    b.event("proposed", "propose", "The US proposed a method for resolving the hostage situation", [us])
    b.event("rejected", "reject", "Hamas rejected it", [hamas])
    b.event("broke", "break", "Israel broke the ceasefire agreement", [israel])
    b.claim(
        "Bassem Na’im",
        naim,
        "stated",
        "any agreement must extend beyond prisoner exchanges to include a comprehensive ceasefire",
        "indirect",
    )
    b.claim(
        "Na’im",
        naim,
        "emphasized",
        "Hamas will not settle for piecemeal solutions that do not address ongoing hostilities",
        "according_to",
        via=(tass,),
    )
    b.claim(
        "Khalil al-Haya",
        haya,
        "revealed",
        "their movement had positively responded to an offer made by Egypt and Qatar to cease fire "
        "in the Gaza Strip",
        "indirect",
        time=late_march,
    )
    b.claim(
        "Hamas maintains",
        hamas,
        "maintains",
        "it was Israel that broke the ceasefire agreement first, thereby endangering the lives of "
        "those detained",
        "indirect",
    )
    # the speaker span is "Hamas", not "Hamas maintains"
    c = b.claims[-1]
    assert c.speaker is not None
    b.claims[-1] = c.model_copy(
        update={"speaker": c.speaker.model_copy(update={"end": c.speaker.start + 5, "text": "Hamas"})}
    )
    return b.build(published=date(2025, 4, 5), published_origin="argument")


TRICKY_TEXT = (
    "Officials <b>warn</b> & worry\n"
    "\n"
    'Officials said: "We will stay. We will not leave." Then <script>alert(1)</script> on Monday.\n'
    "\n"
    "A second paragraph names nobody."
)


def tricky_article() -> Article:
    """Markup in the text, a claim spanning two sentences, an unresolved speaker."""
    b = _Builder(TRICKY_TEXT, name="<evil>.txt")
    b.time("Monday", "2025-03-17", date(2025, 3, 17), date(2025, 3, 17))
    b.event("said", "say", "Officials said <they> will stay", [])
    b.claim("Officials", None, "said", "We will stay. We will not leave.", "direct")
    b.claim(None, None, None, "<script>alert(1)</script>", "according_to")
    return b.build()


def test_fixtures_have_true_offsets() -> None:
    for article, text in (
        (seed_like_article(), SEED.read_text(encoding="utf-8")),
        (tricky_article(), TRICKY_TEXT),
    ):
        spans: list[Any] = [*article.sentences, *article.times]
        for claim in article.claims:
            spans += [claim.content, *(x for x in (claim.speaker, claim.cue) if x is not None)]
        spans += [e.trigger for e in article.timeline]
        for span in spans:
            assert text[span.start : span.end] == span.text
    assert len(tricky_article().sentences) == 4  # the claim crosses sentences s0 | s1


# ---------------------------------------------------------------------------------------------
# Snapshots


def _check_snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE_SNAPSHOTS or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not UPDATE_SNAPSHOTS:
            pytest.fail(f"snapshot {name} did not exist and was written; check it and rerun")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} changed; rerun with CLAIMLINE_UPDATE_SNAPSHOTS=1 if intended"


def table_text(article: Article, width: int = 100) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None)
    render_table(article, console)
    return out.getvalue()


@pytest.mark.parametrize("width", [80, 100])
def test_table_snapshot(width: int) -> None:
    _check_snapshot(f"handmade-table-{width}.txt", table_text(seed_like_article(), width))


def test_markdown_snapshot() -> None:
    _check_snapshot("handmade.md", render_markdown(seed_like_article()))


def test_table_is_plain_text_off_a_terminal_and_coloured_on_one() -> None:
    article = seed_like_article()
    plain = table_text(article, 80)
    assert "\x1b[" not in plain
    assert max(len(line) for line in plain.splitlines()) <= 80
    out = io.StringIO()
    render_table(article, Console(file=out, width=80, force_terminal=True, color_system="standard"))
    assert "\x1b[" in out.getvalue()


def test_table_lists_every_event_claim_and_actor() -> None:
    article = seed_like_article()
    flat = " ".join(table_text(article, 200).split())
    for event in article.timeline:
        assert event.summary in flat
    for claim in article.claims:
        assert claim.content.text in flat
    for actor in article.actors:
        assert actor.name in flat
    # the speaker as written, and the actor it resolves to
    lines = table_text(article, 200).splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("Na’im "))
    assert lines[row + 1].startswith("→ Bassem Na’im")
    # the events in the JSON `timeline` order
    order = [flat.index(e.summary) for e in article.timeline]
    assert order == sorted(order)


def test_table_and_markdown_take_article_text_literally() -> None:
    article = tricky_article()
    event = article.timeline[0].model_copy(update={"summary": "[bold red]not markup[/] <they>"})
    article = article.model_copy(update={"timeline": [event]})
    flat = " ".join(table_text(article, 120).split())
    assert "[bold red]not markup[/] <they>" in flat
    assert "<script>alert(1)</script>" in flat
    markdown = render_markdown(article)
    assert "<script>" not in markdown and "<b>" not in markdown
    assert r"\<script\>alert(1)\</script\>" in markdown
    assert r"\[bold red\]not markup\[/\]" in markdown


def test_escape_markdown() -> None:
    assert escape_markdown("a|b *c* _d_ [e](f) <g> `h` \\ &amp;") == (
        r"a\|b \*c\* \_d\_ \[e\](f) \<g\> \`h\` \\ \&amp;"
    )
    assert escape_markdown("two\nlines  here ") == "two lines here"
    assert escape_markdown("AT&T & co") == "AT&T & co"


def test_markdown_groups_claims_by_speaker() -> None:
    markdown = render_markdown(seed_like_article())
    sections = markdown.split("\n### ")
    naim = next(s for s in sections if s.startswith("Bassem Na’im"))
    assert naim.count("\n- ") == 2
    assert "via TASS" in naim
    unresolved = render_markdown(tricky_article())
    assert "### Officials (unresolved)" in unresolved
    assert "### Unattributed" in unresolved


# ---------------------------------------------------------------------------------------------
# HTML, parsed


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def by_id(self, ident: str) -> Node:
        found = [n for n in self.iter() if n.attrs.get("id") == ident]
        assert len(found) == 1, f"id {ident!r} found {len(found)} times"
        return found[0]


class TreeBuilder(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "source", "wbr", "col", "area", "base"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if self.current.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.current.tag}>")
            return
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.errors == []
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


def expected_pieces(article: Article, start: int, end: int) -> list[str]:
    """What of input[start:end] is on the page: per displayed unit (headline, each sentence)."""
    units: list[tuple[int, str]] = [
        (s.start, s.text) for s in sorted(article.sentences, key=lambda s: s.start)
    ]
    span = article.source.title_span
    if span is not None:
        units.insert(0, (span.start, span.text))
    pieces = []
    for offset, text in units:
        lo, hi = max(start, offset), min(end, offset + len(text))
        if lo < hi:
            pieces.append(text[lo - offset : hi - offset])
    return pieces


def highlighted(root: Node, attr: str, ref: str) -> str:
    return "".join(n.text() for n in root.find_all("a", "hl") if ref in n.attrs.get(attr, "").split())


def check_report(article: Article, doc: Node, prefix: str) -> None:
    """Highlights and links of one article's section agree with its JSON."""
    text = doc.by_id(f"{prefix}text")
    # the displayed text is the headline and the sentences, in order
    shown = " ".join(text.text().split())
    for sentence in article.sentences:
        node = doc.by_id(f"{prefix}sent-{sentence.id}")
        assert node.text() == sentence.text
        assert " ".join(sentence.text.split()) in shown
    for claim in article.claims:
        content = "".join(expected_pieces(article, claim.content.start, claim.content.end))
        pieces = [n for n in text.find_all("a", "hl") if claim.id in n.attrs.get("data-claims", "").split()]
        assert highlighted(text, "data-content", claim.id) == content, claim.id
        assert pieces and all(n.attrs["href"].startswith(f"#{prefix}") for n in pieces)
        assert any(n.attrs["href"] == f"#{prefix}claim-{claim.id}" for n in pieces)
        if claim.speaker is not None:
            spoken = highlighted(text, "data-speaker", claim.id)
            assert spoken == "".join(expected_pieces(article, claim.speaker.start, claim.speaker.end))
        if claim.cue is not None:
            cue = highlighted(text, "data-cue", claim.id)
            assert cue == "".join(expected_pieces(article, claim.cue.start, claim.cue.end))
        entry = doc.by_id(f"{prefix}claim-{claim.id}")
        assert entry.find_all("blockquote")[0].text() == claim.content.text
        back = [a for a in entry.find_all("a", "back")]
        assert back and back[0].attrs["href"] == f"#{prefix}x-claim-{claim.id}"
    for expression in article.times:
        pieces = "".join(expected_pieces(article, expression.start, expression.end))
        assert highlighted(text, "data-times", expression.id) == pieces, expression.id
        if pieces:
            links = {n.attrs["href"] for n in text.find_all("a", "hl")}
            assert f"#{prefix}time-{expression.id}" in links
        assert doc.by_id(f"{prefix}time-{expression.id}").tag == "tr"
    # the links of every highlight point at an entry for one of the things it covers
    for node in text.find_all("a", "hl"):
        kind, _, ref = node.attrs["href"][len(prefix) + 1 :].partition("-")
        listed = node.attrs.get("data-claims" if kind == "claim" else "data-times", "").split()
        assert ref in listed
    # timeline: a bar per event known to a day or a period, and every event listed, in the JSON order
    timeline = doc.by_id(f"{prefix}timeline")
    bars = [n.attrs["href"] for n in timeline.find_all("a", "bar")]
    dated = [e for e in article.timeline if e.earliest and e.latest]
    assert bars == [f"#{prefix}event-{e.id}" for e in dated]
    listed = [n.attrs["id"] for n in timeline.find_all("li", "event")]
    assert listed == [f"{prefix}event-{e.id}" for e in article.timeline]
    # bars are placed by date: an event starting on a later day is further right
    placed = []
    for bar, event in zip(timeline.find_all("a", "bar"), dated, strict=True):
        match = re.search(r"left:([\d.]+)%;width:([\d.]+)%", bar.attrs["style"])
        assert match is not None
        if event.earliest is not None:
            placed.append((event.earliest, float(match.group(1))))
        if event.earliest is not None and event.latest is not None and event.earliest < event.latest:
            assert float(match.group(2)) > 0
    for (day_a, left_a), (day_b, left_b) in itertools.pairwise(placed):
        if day_a < day_b:
            assert left_a < left_b
    # claims grouped by resolved speaker
    claims = doc.by_id(f"{prefix}claims")
    names = {a.id: a.name for a in article.actors}
    for group in claims.find_all("div", "speaker"):
        heading = group.find_all("h3")[0].text()
        for entry in group.find_all("li", "claim"):
            claim = next(c for c in article.claims if c.id == entry.attrs["data-claim"])
            if claim.speaker is not None and claim.speaker.actor is not None:
                assert heading.startswith(names[claim.speaker.actor])
            elif claim.speaker is not None:
                assert heading.startswith(claim.speaker.text)
            else:
                assert heading.startswith("Unattributed")
    assert len(claims.find_all("li", "claim")) == len(article.claims)


def check_page(page: str) -> Node:
    """Structure every report must have: links resolve, unique ids, nothing loaded from outside."""
    root = parse_html(page)
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for node in root.iter():
        href = node.attrs.get("href")
        if href is not None:
            assert href.startswith("#"), href
            assert href[1:] in ids, f"dangling link {href}"
        assert "src" not in node.attrs, node.tag
        assert node.tag not in ("link", "iframe", "img", "object", "embed", "base")
    assert [len(n.attrs) for n in root.find_all("script")] == [0]  # one inline script
    assert [len(n.attrs) for n in root.find_all("style")] == [0]
    lowered = page.lower()
    assert "url(" not in lowered and "@import" not in lowered and "http" not in lowered
    return root


def test_html_highlights_and_links_match_the_json() -> None:
    article = seed_like_article()
    root = check_page(render_html([article]))
    check_report(article, root, "a0-")
    # every time expression and claim of this article is visible in the text
    assert {n.attrs["id"] for n in root.find_all("span", "anchor")} == {
        *(f"a0-x-claim-{c.id}" for c in article.claims),
        *(f"a0-x-time-{t.id}" for t in article.times),
    }


def test_html_highlights_a_claim_across_sentences_piecewise() -> None:
    article = tricky_article()
    root = check_page(render_html([article]))
    check_report(article, root, "a0-")
    claim = article.claims[0]
    pieces = [
        (n.parent.attrs["id"] if n.parent else "", n.text())
        for n in root.find_all("a", "hl-content")
        if claim.id in n.attrs["data-claims"].split()
    ]
    assert pieces == [("a0-sent-s0", "We will stay."), ("a0-sent-s1", "We will not leave.")]
    assert [s.text for s in article.sentences[:2]] == [
        'Officials said: "We will stay.',
        'We will not leave."',
    ]


def test_html_escapes_article_text() -> None:
    article = tricky_article()
    page = render_html([article])
    root = check_page(page)
    assert "<script>alert(1)</script>" not in page
    assert "<b>warn</b>" not in page
    assert not root.find_all("b")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    text = root.by_id("a0-text").text()
    assert "<script>alert(1)</script>" in text and "Officials <b>warn</b> & worry" in text
    assert root.find_all("title")[0].text() == "Officials <b>warn</b> & worry · claimline"
    assert "<evil>.txt" in root.by_id("a0").find_all("code")[0].text()


def test_html_batch_has_an_index_and_a_merged_timeline() -> None:
    first = seed_like_article()
    second = tricky_article()
    root = check_page(render_html([first, second]))
    for i, article in enumerate((first, second)):
        check_report(article, root, f"a{i}-")
    index_links = [a.attrs["href"] for a in root.by_id("index").find_all("a")]
    assert index_links == ["#a0", "#a1"]
    merged = root.by_id("merged-timeline")
    dated = [
        (e.earliest or e.latest, e.latest or e.earliest, i, e.trigger.start, f"#a{i}-event-{e.id}")
        for i, article in enumerate((first, second))
        for e in article.timeline
        if e.earliest and e.latest
    ]
    assert [a.attrs["href"] for a in merged.find_all("a", "bar")] == [d[-1] for d in sorted(dated)]


def test_html_of_an_empty_analysis() -> None:
    article = Article(source=Source(name="empty.txt", sha256="0" * 64, chars=0), generator=GENERATOR)
    root = check_page(render_html([article]))
    assert "No events found." in root.text() and "No claims found." in root.text()
    assert "No events found." in " ".join(table_text(article).split())
    assert "No claims found." in render_markdown(article)


# ---------------------------------------------------------------------------------------------
# A real browser: headless Chromium driven over its DevTools pipe (no extra packages)

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    explicit = os.environ.get("CLAIMLINE_CHROMIUM")
    if explicit:
        return explicit
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


TRAMPOLINE = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
    "os.execv(sys.argv[3], sys.argv[3:])"
)


class Chromium:
    """Headless Chromium speaking the DevTools protocol on fds 3/4 (`--remote-debugging-pipe`)."""

    def __init__(self, binary: str, profile: str) -> None:
        self._to_read, self._to_write = (self._high(fd) for fd in os.pipe())
        self._from_read, self._from_write = (self._high(fd) for fd in os.pipe())
        args = [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # the protocol wants its pipes on fds 3 (commands in) and 4 (replies out): a tiny Python
        # trampoline puts them there and execs Chromium (a shell cannot name fds above 9 portably)
        self.proc = subprocess.Popen(
            [sys.executable, "-c", TRAMPOLINE, str(self._to_read), str(self._from_write), *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(self._to_read, self._from_write),
        )
        os.close(self._to_read)
        os.close(self._from_write)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    @staticmethod
    def _high(fd: int) -> int:
        """`fd` moved above 4, so that placing the child's ends on fds 3 and 4 cannot clobber them."""
        moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(fd)
        return moved

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_read], [], [], left)
            if ready:
                chunk = os.read(self._from_read, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any] | None = None, *, page: bool = True) -> dict[str, Any]:
        self._last_id += 1
        message: dict[str, Any] = {"id": self._last_id, "method": method, "params": params or {}}
        if page and self.session:
            message["sessionId"] = self.session
        os.write(self._to_write, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 30
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._last_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any]:
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            event = self._read(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def open(self, url: str, width: int = 1280, height: int = 900) -> None:
        targets = self.call("Target.getTargets", page=False)["targetInfos"]
        target = next(t for t in targets if t["type"] == "page")
        attached = self.call(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, page=False
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, path: Path, max_height: int | None = None) -> None:
        size = self.call("Page.getLayoutMetrics")["cssContentSize"]
        height = min(size["height"], max_height) if max_height else size["height"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": height, "scale": 1}
        shot = self.call(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and any request for something but the page."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {[a.get('value') for a in params['args']]}")
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(
                    f"exception: {details.get('exception', {}).get('description') or details['text']}"
                )
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                found.append(f"log: {params['entry']['text']}")
            elif method == "Network.requestWillBeSent" and params["type"] != "Document":
                found.append(f"request: {params['request']['url']}")
            elif method == "Network.loadingFailed":
                found.append(f"failed load: {params.get('errorText')}")
        return found

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close", page=False)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_write)
        os.close(self._from_read)


@pytest.fixture
def chromium(tmp_path: Path) -> Iterator[Chromium]:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "headless Chromium not found (install the Debian package `chromium`, or set CLAIMLINE_CHROMIUM)"
        )
    browser = Chromium(binary, str(tmp_path / "profile"))
    try:
        yield browser
    finally:
        browser.close()


# Checks run inside the page once it has loaded.
PAGE_CHECKS = """(() => {
  const dangling = [...document.querySelectorAll('a[href^="#"]')]
    .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id));
  const bars = [...document.querySelectorAll('.tl-track .bar')].map(bar => {
    const b = bar.getBoundingClientRect(), t = bar.parentElement.getBoundingClientRect();
    return b.width > 0 && b.height > 0 && b.left >= t.left - 1 && b.right <= t.right + 1;
  });
  const hl = document.querySelector('.hl-content');
  const shown = hl ? getComputedStyle(hl).backgroundColor : '';
  return {ready: document.documentElement.getAttribute('data-ready'), dangling, bars,
          highlight: shown, width: document.documentElement.scrollWidth};
})()"""


HOVER_CHECK = """(() => {
  const entry = document.querySelector('.claim[data-claim]');
  const doc = entry.closest('article');
  const id = entry.getAttribute('data-claim');
  entry.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  const hot = [...doc.querySelectorAll('.hl.hot')];
  const lit = hot.length > 0 && hot.every(e => e.getAttribute('data-claims').split(' ').includes(id));
  entry.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
  return lit && doc.querySelectorAll('.hot').length === 0;
})()"""


def open_report(browser: Chromium, page: str, path: Path) -> dict[str, Any]:
    path.write_text(page, encoding="utf-8")
    browser.open(path.as_uri())
    result: dict[str, Any] = browser.evaluate(PAGE_CHECKS)
    return result


@pytest.mark.browser
def test_browser_harness_catches_errors(chromium: Chromium, tmp_path: Path) -> None:
    """The browser test would notice a broken page (so its passing means something)."""
    broken = '<!DOCTYPE html><p>x</p><img src="https://example.invalid/x.png"><script>nope();</script>'
    open_report(chromium, broken, tmp_path / "broken.html")
    problems = chromium.problems()
    assert any("nope is not defined" in p for p in problems), problems
    assert any(p.startswith("request: https://example.invalid") for p in problems), problems


def _browse(chromium: Chromium, articles: list[Article], tmp_path: Path, name: str) -> Path:
    checks = open_report(chromium, render_html(articles), tmp_path / f"{name}.html")
    assert chromium.problems() == []
    assert checks["ready"] == "1", "the page script did not run to its end"
    assert checks["dangling"] == []
    assert checks["bars"] and all(checks["bars"]), "a timeline bar is invisible or outside its track"
    assert checks["highlight"] not in ("", "rgba(0, 0, 0, 0)"), "claims are not highlighted"
    assert checks["width"] <= 1280, "the page scrolls sideways"
    # hovering a claim entry lights up its pieces in the text (and nothing else)
    assert chromium.evaluate(HOVER_CHECK) is True
    shot = tmp_path / f"{name}.png"
    chromium.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    return shot


@pytest.mark.browser
def test_browser_renders_the_report(chromium: Chromium, tmp_path: Path) -> None:
    _browse(chromium, [seed_like_article(), tricky_article()], tmp_path, "batch")
    assert not chromium.evaluate("window.__pwned === true")
    texts = chromium.evaluate("document.body.innerText")
    assert "<script>alert(1)</script>" in texts


# ---------------------------------------------------------------------------------------------
# Command line: show, render, extract --format markdown|table


def cli(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from claimline.cli import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def result_files(tmp_path: Path) -> dict[str, Path]:
    single = tmp_path / "seed.json"
    single.write_text(seed_like_article().model_dump_json(indent=2), encoding="utf-8")
    failure = '{"id": "broken", "error": {"code": "empty", "message": "broken.txt: empty input"}}'
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "\n".join([seed_like_article().model_dump_json(), failure, tricky_article().model_dump_json()])
        + "\n",
        encoding="utf-8",
    )
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"schema_version": "1.0", ', encoding="utf-8")
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": "world"}', encoding="utf-8")
    bad_line = tmp_path / "bad.jsonl"
    bad_line.write_text(seed_like_article().model_dump_json() + "\nnot json\n", encoding="utf-8")
    only_failures = tmp_path / "failures.jsonl"
    only_failures.write_text(failure + "\n", encoding="utf-8")
    return {
        "single": single,
        "batch": batch,
        "invalid": invalid,
        "foreign": foreign,
        "bad_line": bad_line,
        "only_failures": only_failures,
        "missing": tmp_path / "missing.json",
    }


def test_cli_show(result_files: dict[str, Path]) -> None:
    code, out, err = cli("show", str(result_files["single"]))
    assert (code, err) == (0, "")
    assert out == table_text(seed_like_article(), 100)  # plain, 100 columns when not a terminal


def test_cli_show_batch_warns_about_failures(result_files: dict[str, Path]) -> None:
    code, out, err = cli("show", str(result_files["batch"]))
    assert code == 0
    assert "Timeline" in out and "Officials <b>warn</b> & worry" in out
    assert err == "claimline: warning: broken: not extracted (empty: broken.txt: empty input)\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing", "no such file"),
        ("invalid", "invalid JSON"),
        ("foreign", "not a claimline result"),
        ("bad_line", "bad.jsonl:2: invalid JSON"),
        ("only_failures", "no article results (1 failure records)"),
    ],
)
@pytest.mark.parametrize("command", ["show", "render"])
def test_cli_bad_results_exit_1(result_files: dict[str, Path], name: str, message: str, command: str) -> None:
    code, out, err = cli(command, str(result_files[name]))
    assert code == 1
    assert out == ""
    assert err.startswith("claimline: error: ") and message in err and err.count("\n") == 1


def test_cli_usage_errors_exit_2() -> None:
    assert cli("show")[0] == 2
    assert cli("render")[0] == 2
    assert cli("show", "a.json", "--bogus")[0] == 2


def test_cli_render_json_and_jsonl(result_files: dict[str, Path], tmp_path: Path) -> None:
    report = tmp_path / "out" / "report.html"
    code, out, err = cli("render", str(result_files["single"]), "-o", str(report))
    assert (code, out, err) == (0, "", "")
    assert report.read_text(encoding="utf-8") == render_html([seed_like_article()])
    code, out, err = cli("render", str(result_files["batch"]))
    assert code == 0
    assert out == render_html([seed_like_article(), tricky_article()])
    assert "not extracted" in err
    root = check_page(out)
    assert [a.attrs["href"] for a in root.by_id("index").find_all("a")] == ["#a0", "#a1"]


def test_cli_render_refuses_to_overwrite_its_input(result_files: dict[str, Path]) -> None:
    before = result_files["single"].read_text(encoding="utf-8")
    code, _, err = cli("render", str(result_files["single"]), "-o", str(result_files["single"]))
    assert code == 2 and "refusing to overwrite" in err
    assert result_files["single"].read_text(encoding="utf-8") == before


def test_cli_render_missing_article_exits_1(tmp_path: Path) -> None:
    code, out, err = cli("render", str(tmp_path / "missing.txt"))
    assert (code, out) == (1, "")
    assert err.startswith("claimline: error: ") and "missing.txt" in err


def test_cli_render_article_text_extracts_first(seed_article: Article, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    code, out, err = cli("render", str(SEED), "--published", "2025-04-05", "-o", str(report))
    assert (code, out, err) == (0, "", "")
    assert report.read_text(encoding="utf-8") == render_html([seed_article])


def test_cli_extract_markdown(seed_article: Article) -> None:
    code, out, _ = cli("extract", str(SEED), "--published", "2025-04-05", "--format", "markdown")
    assert code == 0
    assert out == render_markdown(seed_article)


def test_cli_help_lists_the_view_commands() -> None:
    code, out, _ = cli("--help")
    assert code == 0 and "show" in out and "render" in out
    code, out, _ = cli("extract", "--help")
    assert code == 0 and "markdown" in out


# ---------------------------------------------------------------------------------------------
# The real seed output (needs the model; `seed_article` is the session fixture in conftest.py)


SCREENSHOT_HEIGHT = 1700  # px of the report kept for the README: header, timeline, text and claims
TERMINAL_WIDTH_PX = 1000
TERMINAL_THEME = DIMMED_MONOKAI


# The views' snapshots of the seed are taken on a frozen pipeline result (tests/data/), so that they
# change when the views change, not whenever the extractor improves. The live seed output is checked
# structurally below. `CLAIMLINE_UPDATE_SNAPSHOTS=1 pytest tests/test_views.py` refreshes the frozen
# result from the current pipeline and rewrites all snapshots.
FROZEN_SEED = Path(__file__).parent / "data" / "seed-result.json"


@pytest.fixture
def frozen_seed(request: pytest.FixtureRequest) -> Article:
    if UPDATE_SNAPSHOTS:
        live: Article = request.getfixturevalue("seed_article")
        FROZEN_SEED.parent.mkdir(parents=True, exist_ok=True)
        FROZEN_SEED.write_text(live.model_dump_json(indent=2) + "\n", encoding="utf-8")
    return Article.model_validate_json(FROZEN_SEED.read_text(encoding="utf-8"))


def test_seed_table_snapshot(frozen_seed: Article) -> None:
    _check_snapshot("seed-table-100.txt", table_text(frozen_seed, 100))
    _check_snapshot("seed-table-80.txt", table_text(frozen_seed, 80))
    narrow = table_text(frozen_seed, 80)
    assert max(len(line) for line in narrow.splitlines()) <= 80
    assert "\x1b[" not in narrow


def test_seed_markdown_snapshot(frozen_seed: Article) -> None:
    _check_snapshot("seed.md", render_markdown(frozen_seed))


def test_frozen_seed_html_highlights_and_links_match_the_json(frozen_seed: Article) -> None:
    root = check_page(render_html([frozen_seed]))
    check_report(frozen_seed, root, "a0-")


def test_seed_views_show_everything(seed_article: Article) -> None:
    flat_table = " ".join(table_text(seed_article, 300).split())
    markdown = render_markdown(seed_article)
    for event in seed_article.timeline:
        assert " ".join(event.summary.split()) in flat_table
        assert escape_markdown(event.summary) in markdown
    for claim in seed_article.claims:
        assert " ".join(claim.content.text.split()) in flat_table
        assert escape_markdown(claim.content.text) in markdown


def test_seed_html_highlights_and_links_match_the_json(seed_article: Article) -> None:
    root = check_page(render_html([seed_article]))
    check_report(seed_article, root, "a0-")


@pytest.mark.browser
def test_browser_renders_the_seed_report(chromium: Chromium, seed_article: Article, tmp_path: Path) -> None:
    """The seed's report in headless Chromium: no console error, links and bars in place, a screenshot.

    With CLAIMLINE_SCREENSHOT_DIR set, the screenshot is also saved there as report.png (README).
    """
    shot = _browse(chromium, [seed_article], tmp_path, "report")
    target = os.environ.get("CLAIMLINE_SCREENSHOT_DIR")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        chromium.screenshot(Path(target) / "report.png", max_height=SCREENSHOT_HEIGHT)
        page = Console(
            record=True, width=100, file=io.StringIO(), force_terminal=True, color_system="truecolor"
        )
        render_table(seed_article, page)
        (Path(target) / "table.txt").write_text(table_text(seed_article, 100), encoding="utf-8")
        terminal = tmp_path / "table.html"
        terminal.write_text(page.export_html(inline_styles=True, theme=TERMINAL_THEME), encoding="utf-8")
        chromium.open(terminal.as_uri(), width=TERMINAL_WIDTH_PX, height=600)
        chromium.screenshot(Path(target) / "table.png")
    assert shot.exists()


# ---------------------------------------------------------------------------------------------
# The merged timeline of several articles (`claimline timeline --format html`)


def _merged_page() -> str:
    from claimline import merge_timelines
    from claimline.views.merged_html import render_merged_html

    articles = [seed_like_article(), tricky_article()]
    for number, article in enumerate(articles):
        article.id = f"art{number}"
    return render_merged_html(merge_timelines(articles, top=3), articles)


def test_merged_timeline_links_every_entry_to_a_sentence_of_its_article() -> None:

    page = _merged_page()
    ids = set(re.findall(r' id="([^"]+)"', page))
    targets = re.findall(r'href="#([^"]+)"', page)
    assert targets and not [t for t in targets if t not in ids]
    assert re.search(r'class="timeline merged" id="chronology-0"', page)
    assert re.search(r'href="#a[01]-sent-s\d+"', page), "no chronology entry links to its sentence"


@pytest.mark.browser
def test_browser_renders_the_merged_timeline(chromium: Chromium, tmp_path: Path) -> None:
    checks = open_report(chromium, _merged_page(), tmp_path / "merged.html")
    assert chromium.problems() == []
    assert checks["ready"] == "1"
    assert checks["dangling"] == []
    assert all(checks["bars"]), "a timeline bar is invisible or outside its track"
    assert checks["width"] <= 1280, "the page scrolls sideways"
    links = "document.querySelectorAll('section.merged .ev-who a[href*=\"-sent-\"]').length"
    assert chromium.evaluate(links) > 0


def test_a_schema_1_1_result_is_still_read(tmp_path: Path) -> None:
    """A 1.1 file has no `placement`, `polarity`, `modality` or `claim` on its events: defaults fill them."""
    import json

    from claimline.views.loading import read_results

    data = json.loads(FROZEN_SEED.read_text(encoding="utf-8"))
    data["schema_version"] = "1.1"
    for event in data["timeline"]:
        for key in ("placement", "polarity", "modality", "claim"):
            event.pop(key)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    (article,), _ = read_results(old)
    assert article.schema_version == "1.1"
    assert {e.placement for e in article.timeline} == {"narrative"}
    assert {(e.polarity, e.modality) for e in article.timeline} == {("positive", "actual")}
    assert "Timeline" in table_text(article, 100)
