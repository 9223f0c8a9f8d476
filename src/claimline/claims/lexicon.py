"""The vocabulary of the claims stage: cue verbs by class, their forms, noun cues, prepositions."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying and reporting: a clausal complement, a quote, or (the flagged ones) an object.
SPEECH_VERBS = _words(
    """
    say tell add note state claim argue insist maintain reveal deny emphasize emphasise stress warn
    accuse acknowledge admit announce confirm report explain write tweet declare assert contend
    suggest predict promise pledge vow threaten urge ask demand propose recommend reply respond
    answer remark comment observe mention recall allege complain concede disclose testify inform
    assure reiterate repeat caution boast brag joke quip agree disagree dispute question challenge
    charge estimate conclude speculate forecast post chant point sing shout yell scream whisper lament
    decry denounce signal hint imply counter retort rebut interject continue describe call
    acknowledge proclaim pronounce affirm reaffirm attest certify swear guarantee advise counsel
    remind notify tell convince persuade indicate specify stipulate underscore highlight stress
    contend posit theorize reason surmise muse wonder marvel exclaim lie brief email text message
    telephone phone preach lecture testify rule order instruct direct ask beg plead implore request
    insist grumble fret gripe moan protest object concur echo mention outline tout acknowledge
    predict project calculate reckon quote cite blog write publish print editorialize editorialise
    clarify elaborate summarize summarise characterize characterise label brand dub term read
    express discuss detail
    """
)
# Speech verbs that report only a quote next to them ("he continued: “...”", "the letter reads").
QUOTE_ONLY_VERBS = _words("continue read")
# Verbs of belief, knowledge, perception of a fact and intention: a clausal complement only.
BELIEF_VERBS = _words(
    """
    believe think know hope expect fear worry doubt feel assume suspect consider guess imagine
    understand realize realise recognize recognise learn discover hear find wish bet trust
    figure presume anticipate foresee envision envisage prefer want plan intend seek aim
    refuse decline offer hesitate decide resolve agree vow pledge promise threaten demand
    remember forget regret acknowledge admit accept insist
    """
)
# Stance verbs that judge their object: passive and without an agent they still attribute a judgement
# to someone ("he has been criticized for ...", "it is considered a threat"), unlike acts ("was signed").
EVALUATIVE_VERBS = _words(
    """
    criticize criticise accuse blame condemn praise fault deride ridicule denounce decry rate
    consider regard deem view label brand dub describe characterize characterise portray call hail
    """
)
# Verbs that attribute a stance towards an object: "criticized the law", "backs the plan".
STANCE_VERBS = _words(
    """
    criticize criticise condemn praise blast slam attack defend dismiss reject support endorse
    oppose favor favour back applaud welcome hail blame credit cite accuse urge describe mention
    note propose recommend demand rebuke chastise lambaste lambast mock ridicule deride question
    dispute challenge deny admit acknowledge confirm announce reveal disclose decry denounce fault
    promote advocate highlight emphasize emphasise stress predict estimate tout champion
    applaud laud commend congratulate thank scold scorn assail berate excoriate castigate
    lampoon pan knock bash hammer needle taunt insult disparage belittle demean call label brand
    dub characterize characterise compare liken equate admire respect trust distrust doubt fear
    want seek request ask refuse reject veto approve ratify sign back embrace tout unveil outline
    publish tweet post recount acknowledge rule order suggest propose float pitch discuss detail
    reference rate view depict portray paint frame invoke encourage hail express echo
    bemoan downplay despise ignore judge link rail rebuff spurn snub shun vilify demonize demonise
    smear justify rationalize rationalise exaggerate overstate understate misrepresent distort
    regard deem rip grill
    """
)
# Evidence verbs with a non-human subject: "a poll shows", "the report found".
EVIDENCE_VERBS = _words(
    """
    show find indicate suggest reveal demonstrate confirm prove document estimate project predict
    conclude determine establish imply
    """
)
# Predicative adjectives of attitude: "she is confident that ...", "Republicans are worried about ...".
ATTITUDE_ADJECTIVES = _words(
    """
    confident sure certain convinced aware hopeful afraid fearful worried concerned skeptical
    sceptical optimistic pessimistic adamant determined eager keen doubtful unsure uncertain
    insistent critical supportive wary
    """
)
BELIEF_VERBS = BELIEF_VERBS | ATTITUDE_ADJECTIVES
ALL_VERBS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS | EVIDENCE_VERBS
STANCE_ONLY = STANCE_VERBS - SPEECH_VERBS - BELIEF_VERBS
EVIDENCE_ONLY_VERBS = EVIDENCE_VERBS - (SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS)
BELIEF_OR_EVALUATIVE_VERBS = BELIEF_VERBS | EVALUATIVE_VERBS

# A preposition a verb selects for its content: "called for X", "warned against X".
VERB_PREPS: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "warn": frozenset({"against", "of", "about"}),
    "argue": frozenset({"for", "against"}),
    "speak": frozenset({"of", "about", "out"}),
    "talk": frozenset({"about"}),
    "point": frozenset({"to"}),
    "complain": frozenset({"about", "of"}),
    "insist": frozenset({"on", "upon"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for", "on"}),
    "decide": frozenset({"against"}),
    "bristle": frozenset({"at"}),
    "vote": frozenset({"against"}),  # a stance against; "vote for" is mostly advice to readers
    "joke": frozenset({"about", "of"}),
    "lobby": frozenset({"for"}),
    "campaign": frozenset({"for", "against"}),
    "advocate": frozenset({"for"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "worry": frozenset({"about"}),
    "ask": frozenset({"for", "about"}),
    "plead": frozenset({"for"}),
    "rail": frozenset({"against"}),
    "object": frozenset({"to"}),
    "respond": frozenset({"to"}),
    "comment": frozenset({"on"}),
    "hint": frozenset({"at"}),
    "testify": frozenset({"about", "to"}),
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for"}),
    "criticize": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "agree": frozenset({"with", "on"}),
    **{
        adjective: frozenset({"about", "of", "over"})
        for adjective in (
            "worried",
            "concerned",
            "confident",
            "optimistic",
            "pessimistic",
            "skeptical",
            "sceptical",
            "critical",
            "supportive",
            "wary",
            "hopeful",
            "afraid",
            "fearful",
            "sure",
            "certain",
            "aware",
        )
    },
    "disagree": frozenset({"with"}),
    # an object complement with "as" when the object is elsewhere ("what analysts described as [...]")
    **{
        verb: frozenset({"as"})
        for verb in (
            "describe",
            "characterize",
            "characterise",
            "portray",
            "label",
            "brand",
            "dismiss",
            "view",
            "regard",
            "see",  # only "saw the comment as a dig" is a judgement, never "saw a film"
        )
    },
}
PREP_VERBS = frozenset(VERB_PREPS)
# Verb + preposition whose object is what prompted the statement, not what it says: it gives the
# content ("did not respond to [requests for comment]") but stays out of the cue.
STIMULUS_PREPS = frozenset({("respond", "to"), ("reply", "to"), ("react", "to")})
# Speech verbs whose sense with a plain object is an act, not a statement: "added a week", "maintains a
# program", "directed questions to", "pronounced kiss-E-tow", "advises the president". (Speech verbs
# that are stance verbs too, "ordered", "posted", keep their object either way.)
ACT_OBJECT_VERBS = _words("add maintain direct pronounce advise counsel instruct print preach")
# Verb + preposition that form one predicate and so one cue ("called for"); other selected
# prepositions only introduce the content ("argued | for a broader peace").
PHRASAL_CUES = frozenset({("call", "for"), ("call", "on"), ("point", "to"), ("speak", "out"), ("hint", "at")})

IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "know": ("knew", "known"),
    "find": ("found",),
    "see": ("saw", "seen"),
    "hear": ("heard",),
    "feel": ("felt",),
    "mean": ("meant",),
    "seek": ("sought",),
    "swear": ("swore", "sworn"),
    "forecast": ("forecast",),
    "bet": ("bet",),
    "lie": ("lay", "lying"),
    "forget": ("forgot", "forgotten"),
    "understand": ("understood",),
    "foresee": ("foresaw", "foreseen"),
    "speak": ("spoke", "spoken"),
    "sing": ("sang", "sung"),
    "teach": ("taught",),
    "have": ("has", "had"),
    "make": ("made",),
    "take": ("took", "taken"),
    "hold": ("held",),
    "show": ("shown",),
    "prove": ("proven",),
    # British doubling: "labelled", "signalled", "counselled", "marvelled"
    **{verb: (verb + "led", verb + "ling") for verb in ("label", "signal", "counsel", "marvel")},
}


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of `lemma` (over-generation is harmless: they only widen a lookup)."""
    forms = {lemma, *IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        stem = lemma[:-1]
        forms |= {lemma + "s", lemma + "d", stem + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        suffix_s = "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms |= {lemma + suffix_s, lemma + "ed", lemma + "ing"}
        if (
            len(lemma) > 2
            and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


# surface form -> lemma for every cue verb: the statistical lemmatizer misses some ("hoping" -> "hop")
VERB_FORMS: dict[str, str] = {
    form: lemma for lemma in sorted(ALL_VERBS | PREP_VERBS) for form in inflections(lemma)
}

# Noun cues introducing a "that" clause: "his claim that", "concerns that", "a warning that".

NOUN_CUES = _words(
    """
    claim statement warning concern concerns report reports belief assertion argument allegation
    accusation announcement promise pledge threat insistence suggestion view fear fears hope hopes
    notion evidence finding findings conclusion admission denial charge comment comments remark
    remarks assessment estimate prediction forecast assurance assurances message word news rumor
    rumour speculation suspicion suspicions confidence doubt doubts complaint insistence position
    contention opinion idea theory conviction expectation expectations acknowledgment
    acknowledgement declaration testimony indication indications sign signs proof recognition
    realization understanding impression sense argument demand demands call request
    """
)
# Verbs that only carry a noun cue: "citing concerns that", "issued a warning that".
NOUN_CUE_CARRIERS = _words(
    "cite voice express raise issue make repeat reiterate echo air share send leave deliver give"
)

# Verbs that carry an attitude noun without being cues themselves: "raised questions about", "made
# the case for", "took offense at", "has no illusions about".
# (Not "faced questions", "drew criticism", "enjoyed support": there the attitude is someone else's.)
LIGHT_VERBS = _words("have make take raise show sound hold")
# Subjects that are documents or data: evidence verbs only count with them.

ATTITUDE_OBJECT_PREPS = frozenset({"about", "over", "of", "for"})
# Attitude nouns that select another preposition: "interest in", "took offense at".
ATTITUDE_NOUN_PREPS = frozenset(
    {
        ("interest", "in"),
        ("faith", "in"),
        ("confidence", "in"),
        ("offense", "at"),
        ("offence", "at"),
        ("insight", "into"),
        ("insights", "into"),
    }
)
# Nouns of an attitude a carrier verb expresses ("voiced support for", "expressed outrage over").
ATTITUDE_NOUNS = NOUN_CUES | _words(
    """
    misgiving misgivings reservation reservations outrage support opposition frustration anger
    skepticism scepticism dismay alarm disappointment regret sympathy condolences gratitude thanks
    question questions objection objections optimism pessimism displeasure disapproval approval
    illusion illusions case idea ideas interest insight insights understanding secret fun offense
    offence heat criticism praise disdain contempt faith enthusiasm condemnation adulation admiration
    respect hostility
    """
)


def plural(noun: str) -> str:
    """The regular plural of a noun cue ("claim" -> "claims", "worry" -> "worries")."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


# Nouns of the occasion a statement was made on: "said in an interview", "told reporters at a briefing".
OCCASION_NOUNS = _words(
    """
    interview statement speech briefing rally conference appearance letter tweet tweets post email
    memo hearing testimony debate broadcast call release video message remarks address op-ed
    """
)
# Time adverbs the attribution gold keeps with the cue ("said then", "added later").
CUE_TIME_ADVERBS = frozenset({"then", "later", "earlier", "again", "afterwards", "recently"})

# Verbs and adjectives that raise an infinitive cue or give it an aspect; the attribution gold keeps
# them in the cue ("appeared to suggest", "went on to discuss", "was able to tout", "has yet to explain").
RAISING_HEADS = _words(
    "appear seem go continue begin start stop come set able yet slow quick try attempt tend have"
)
# Heads under which an infinitive reports nothing anyone claimed: "failed to note", "need to find".
UNASSERTED_HEADS = _words("need fail force require allow bear way")

# Aspectual verbs a gerund cue hangs on, directly or through a preposition ("keeps saying", "could
# not resist pointing out", "started off by emphasizing", "set about persuading").
ASPECT_HEADS = _words("keep start begin stop continue resist quit finish set go")

# Common nouns, besides people and bodies, that report or show things ("was reported by sources").
SOURCE_NOUNS = _words(
    """
    source sources people voter voters critic critics observer observers resident residents official
    officials poll polls survey surveys study studies report reports document documents record records
    data analysis analyst analysts expert experts investigator investigators witness witnesses media
    outlet outlets newspaper newspapers statement statements letter memo email emails filing filings
    publication publications paper papers
    """
)

QUANTITY_NOUNS = _words("dozen dozens number percent majority minority handful lot lots host group")

# Words that open a complement clause the parser took for an adverbial one.
COMPLEMENTIZERS = frozenset({"that", "whether", "how", "why"})
# Wh-words that open a complement only after a negated verb with no object ("has not said when ..."):
# after "said it" or a plain "said", "when ..." is the time of the statement.
WH_COMPLEMENTIZERS = frozenset({"when", "where"})

# Sources an "in" phrase cites: "in this poll", and a view when it is someone's ("in his eyes").
IN_SOURCE_NOUNS = _words("poll polls survey surveys study studies")
IN_VIEW_NOUNS = _words("eyes view views opinion estimation")

# Capitalised words that open a headline before a colon without being a source: function words
# ("The Latest:", "Stealth Over Health:") and the labels of news kickers ("Analysis:", "Exclusive:").
HEADLINE_NOT_SPEAKERS = _words(
    """
    A An The Of On In At For From To With Over Under After Before And Or But By As Into About Is
    Analysis Exclusive Update Updated Live Breaking Opinion Editorial Review Factbox Explainer
    Watch Video Photos Timeline Commentary Interview Obituary Correction Latest Report Special
    Podcast Quiz Recap Preview Letters Column Sponsored Advertisement Editor Editors Note Fact Check
    """
)

# Prepositions that introduce an argument of a cue verb after its object ("criticized X for Y").
ARG_PREPS = frozenset({"as", "for", "of", "about", "against", "over", "on", "to", "into", "with"})
# Prepositions a short person object may run over ("accused Holt of"): they introduce the content.
ADDRESSEE_PREPS = frozenset({"of", "about"})
