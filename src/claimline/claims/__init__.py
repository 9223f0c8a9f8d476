"""Claims stage: attributed claims, "who claimed what", from the dependency parse.

One pass over the words finds the triggers (`triggers`): cue verbs by surface form (the lexicon,
inflected, so a lemmatizer slip like "hoping" -> "hop" does not lose them), "according to", and
noun cues. Dependency rules on each trigger then find the speaker (`speaker`), the cue span (`cue`)
and the content (`content`, and for verbs the ordered rules of `verbs`); evidential words ("seemed",
"reportedly") give claims without a source (`evidential`); a character-level pass pairs quotation
marks (`quotes`); `resolution` merges the candidates into claims.

Conventions (one each, applied everywhere):

* **content** of indirect speech is the complement clause including its complementiser ("that
  Hamas will not ...") without final sentence punctuation; of a direct quote, the quoted text
  *with* its quotation marks (and whatever punctuation sits inside them); a quote running over
  several sentences or paragraphs is one span, and a quote resuming right after the speaker
  clause (“A,” she said. “B.”) continues it. An object complement ("criticized the law as a
  'crazy system'") runs from the object to the end of its argument phrases, without adjuncts
  after a comma. A passive ("the veto is expected to come ...") has the whole clause as content
  and the agent ("by X"), if any, as speaker.
* **cue** is the predicate, one contiguous span: the verb with the auxiliaries, negation and
  adverbs right before it ("has stated", "did not deny"; see ``CUE_LEFT_DEPS``), an attitude
  adjective with its copula ("are afraid"), an infinitive with the raising or aspectual verb it
  hangs on ("appeared to suggest", "went on to discuss"); after the verb, never reaching into the
  content: a particle or a preposition the verb selects for its content ("pointed out", "called
  for", "complained about"), when and how it was said ("said Friday", "said then", "said
  sarcastically"), the occasion when the content stands before the verb ("“...,” she said in an
  interview", but "said | in a statement that ..."), a colon introducing the content
  ("said:"); "according to", or "in" before a poll or someone's eyes; a noun cue with its
  determiner and adjectives and the verb that carries it ("citing growing concerns", "issued a
  warning"); an attitude noun with its verb and preposition ("have expressed concern about", "is
  raising questions about"); ":" for a transcript line or a headline ("PENCE: ...", "Poll:
  ..."), the dash of a signed quote ("“...” ― Name"). The lemma names the verb ("say").
* **speaker** is the local mention: the subject noun phrase without appositives and relative
  clauses ("who" itself for "Smith, who said"); when the subject is a common noun with a named
  appositive ("a member of the politburo, Bassem Na'im, has stated") the name. The actor it
  refers to comes from :func:`claimline.coref.resolve_speaker`.
* **kind**: ``direct`` (the content is a quote), ``mixed`` (quoted fragments inside reported
  speech), ``indirect``, ``according_to`` ("according to X, ..." on its own, or over an act or
  stance, "Trump demeaned women, according to insiders"; nested under an inner speech or belief
  verb it becomes that claim's ``via`` instead).

What is emitted, deliberately: speech and report verbs with a clausal complement, a quote or an
object that names what was said ("claimed vast wealth", "has said the same thing"); belief and
intention verbs with a clausal or infinitival complement ("X believes that ...", "X hopes to
..."), stance verbs with an object ("criticized X", "called for X", "called Trump a liar") and
evidence verbs with a non-person subject ("a poll shows ..."), and evidential words with nobody
named ("the team appeared paralyzed", "it seems that ...", "the group is reportedly spending ...":
no speaker, the clause from its subject as content). Beliefs, intentions and stances are
claims a reader wants attributed ("who holds what position"), and the attribution gold we measure
against counts them; verbs that only look like them ("try to", "need to", "continue to", "be
supposed to") and infinitives under heads that deny or only require the act ("failed to note",
"need to find") are left out. Not emitted: a claim whose speaker the parse lost (except an
agentless passive, "it was reported that", which has no speaker by nature), and a cue inside the
content of another claim ("Clinton says she hopes ...": the hope is part of what Clinton said).
"""

from __future__ import annotations

from claimline.claims.extractor import ClaimExtractor, extract_claims
from claimline.claims.quotes import Quote, find_quotes

__all__ = ["ClaimExtractor", "Quote", "extract_claims", "find_quotes"]
