"""Word lists the extractor keys on, kept apart from the logic so they can grow in one place.

Precision comes first: a figure is attached to a category only through these words, and a
figure followed by a noun that is not a person (houses, weeks, km, beds) is dropped.
"""

from __future__ import annotations

# Nouns (plural or collective) that count people; "who" must end in one of these.
PERSON_NOUNS = frozenset(
    """
    people persons person civilians children child kids babies infants women men man boys girls
    adults teenagers youths students pupils teachers workers miners labourers laborers
    villagers residents inhabitants locals citizens nationals migrants refugees asylum-seekers
    evacuees pilgrims worshippers tourists visitors passengers travellers travelers commuters
    hikers climbers fishermen sailors crew seafarers crewmen divers swimmers
    demonstrators protesters protestors activists rioters strikers fans spectators supporters
    voters journalists reporters doctors nurses medics paramedics patients aid-workers volunteers
    firefighters rescuers officials employees staff members relatives
    inmates prisoners detainees convicts suspects militants gunmen attackers insurgents rebels
    fighters jihadists extremists terrorists bombers soldiers troops servicemen servicemembers
    personnel peacekeepers reservists conscripts marines paratroopers commandos sailors airmen
    guards officers policemen policewomen police gendarmes cadets recruits contractors
    victims casualties survivors bodies corpses others reinforcements troopers
    foreigners expatriates worshipers staffers
    looters smugglers traffickers dealers lawmakers politicians leaders bystanders pedestrians
    motorists drivers guests shoppers congregants parishioners monks nuns priests clerics
    farmers herders nomads shepherds loggers truckers individuals adolescents minors toddlers
    newborns pensioners veterans athletes players runners cyclists revellers partygoers
    concertgoers mourners seekers deportees returnees settlers combatants separatists
    dissidents critics opponents bloggers lawyers judges prosecutors diplomats ministers
    senators councillors engineers technicians scientists researchers academics professors
    instructors trainees cadets medics teachers lecturers professors coaches
    hostages captives abductees kidnap-victims
    neighbours neighbors friends colleagues couples siblings sons daughters husbands wives
    sympathisers sympathizers members operatives agents guerrillas gang-members
    """.split()
)

# Person nouns that make up a force that can be deployed.
FORCE_NOUNS = frozenset(
    """
    troops soldiers peacekeepers reservists conscripts marines paratroopers commandos personnel
    servicemen servicemembers police officers policemen gendarmes guards force forces
    contingent recruits airmen sailors guard guardsmen reinforcements troopers
    """.split()
)

# Plural endings that nearly always name people (journalists, civilians, volunteers, gunmen),
# so the list above need not be complete; the exceptions are listed.
PERSON_SUFFIXES = ("ists", "ians", "eers", "men", "ees")
NOT_PERSONS = frozenset("degrees committees guarantees trees fees decrees lists specimen".split())

# Words that can follow a figure without being a (non-person) noun: verbs, auxiliaries,
# prepositions, conjunctions.  A figure followed by anything else that is not a person noun
# is counting things, not people.
FUNCTION_WORDS = frozenset(
    """
    were was are is be been being have has had remain remains remained still all also
    reportedly later now who whom which that and or but while as in on at by from to into of for
    with among including after before during since when where across near inside outside
    more others other further additional another so far in total altogether
    the a an its their his her this these those
    """.split()
)

# Verbs / adjectives that directly follow the subject: "18 people were killed", "300 dead".
AFTER_TRIGGERS: tuple[tuple[str, str], ...] = (
    ("deaths", r"killed|dead|died|perished|drowned|slain|shot\s+dead|executed|massacred"),
    ("deaths", r"crushed\s+to\s+death|burned\s+to\s+death|burnt\s+to\s+death|lost\s+their\s+lives"),
    ("deaths", r"confirmed\s+dead|found\s+dead|died\s+of\s+\w+|succumbed|confirmed\s+killed"),
    ("deaths", r"among\s+the\s+(?:dead|killed|fatalities)"),
    (
        "injuries",
        r"injured|wounded|hurt|hospitali[sz]ed|treated\s+(?:in\s+hospital\s+)?for\s+"
        r"(?:injuries|wounds|burns|heatstroke|gunshot\s+wounds|smoke\s+inhalation)"
        r"|treated\s+in\s+(?:a\s+|the\s+)?hospitals?",
    ),
    (
        "injuries",
        r"(?:suffered|sustained)\s+(?:\w+\s+)?(?:injuries|wounds|burns)"
        r"|(?:taken|rushed|admitted|airlifted)\s+to\s+(?:a\s+|the\s+)?hospitals?"
        r"|among\s+the\s+(?:injured|wounded)",
    ),
    (
        "arrests",
        r"arrested|detained|taken\s+into\s+custody|into\s+custody|rounded\s+up"
        r"|(?:jailed|imprisoned)(?!\s+for\b)"
        r"|in\s+(?:police\s+|military\s+|state\s+|pre-trial\s+)?custody"
        r"|held(?!\s+(?:by|hostage|captive|in\s+captivity|for\s+ransom))"
        r"|in\s+detention|behind\s+bars|recaptured|apprehended|(?:placed\s+)?under\s+arrest",
    ),
    ("troops", r"deployed|sent|dispatched|stationed|airlifted|mobili[sz]ed|posted"),
    ("troops", r"flown\s+in(?:to)?|redeployed|repositioned"),
    # not "crossed into" / "poured into": said of people, those are flight (displaced below),
    # and the first alternative that matches decides the category
    ("troops", r"entered|rolled\s+into"),
    ("troops", r"into\s+(?:the\s+)?(?:city|capital|country|region|area|province|town|streets)"),
    ("troops", r"arrived|based|present|garrisoned|massed|amassed|aboard|on\s+board|on\s+standby"),
    # a location or duty needs its own verb: "two soldiers on patrol were killed" is deaths
    (
        "troops",
        r"(?:are|were|is|was|remain|remained|remains)\s+(?:now\s+|still\s+)?"
        r"(?:on\s+the\s+ground|on\s+patrol|positioned)",
    ),
    ("troops", r"moving\s+(?:towards?|into|on)|advancing|advanced\s+(?:towards?|into|on)"),
    ("troops", r"in\s+(?:the\s+)?(?:country|region|area|province|territory|zone)"),
    (
        "displaced",
        r"displaced|evacuated|fled|homeless|forced\s+from\s+their\s+homes"
        r"|forced\s+to\s+(?:flee|leave|abandon)|moved\s+out\s+of"
        r"|made\s+homeless|uprooted|without\s+(?:shelter|homes|a\s+home)",
    ),
    (
        "displaced",
        r"poured\s+into|(?:sought|taken|found)\s+refuge"
        r"|(?:ordered|told)\s+to\s+(?:leave\s+(?:their|the)|evacuate)"
        r"|(?:have|has|had)\s+crossed\s+(?:the\s+border|into)|(?:taken|found|sought|took)\s+shelter"
        r"|had\s+to\s+(?:leave|flee|abandon)\s+(?:their|the)|moved\s+to\s+safety|sought\s+safety"
        r"|sheltering\s+(?:in|at)"
        r"|relocated|rehoused"
        r"|moved\s+to\s+(?:evacuation|emergency|temporary|relief|safe)"
        r"|(?:spent\s+the\s+night|sleeping|staying|living|sheltering)\s+in\s+(?:\w+\s+)?"
        r"(?:shelters|camps|tents|evacuation\s+cent(?:re|er)s)"
        r"|(?:are|were|is|was|remain|remained|remains)\s+(?:now\s+|still\s+)?in\s+(?:\w+\s+)?"
        r"(?:shelters|evacuation\s+cent(?:re|er)s|relief\s+camps"
        r"|displacement\s+camps|tent\s+camps)",
    ),
    ("missing", r"missing|unaccounted\s+for|went\s+missing|reported\s+missing"),
)

# Verbs that take the figure as object: "killed 12 villagers", "arrested more than 4,000".
BEFORE_TRIGGERS: tuple[tuple[str, str], ...] = (
    ("deaths", r"killed|killing|kill|claimed\s+the\s+lives\s+of|bodies\s+of"),
    ("deaths", r"killings?\s+of|murders?\s+of|deaths\s+of"),
    ("deaths", r"shot\s+dead|shooting\s+dead|gunned\s+down|executed|massacred|beheaded"),
    ("injuries", r"wounded|wounding|injured|injuring|hurt|hurting"),
    ("arrests", r"arrested|arresting|detained|detaining|rounded\s+up|arrest\s+of|detention\s+of"),
    ("arrests", r"recaptured|apprehended|apprehending"),
    ("missing", r"whereabouts\s+of"),
    (
        "troops",
        r"deployed|deploying|sent|sending|send|dispatched|dispatching|mobili[sz]ed|mobili[sz]ing"
        r"|stationed|airlifted|massed|amassed|deployment\s+of|reinforcements\s+of|force\s+of|numbering"
        r"|activated|deploy|contingent\s+of|detachment\s+of|moved|redeployed|rushed|shipped"
        r"|column\s+of|convoy\s+of|sent\s+in|called\s+up|brought\s+in"
        r"|(?:battalion|brigade|regiment|platoon|squadron|garrison|unit|division)\s+of",
    ),
    ("displaced", r"displaced|displacing|evacuated|evacuating|evacuation\s+of|uprooted"),
)

# Nouns that name the category right after a figure: "made 45 arrests", "19 fatalities".
COUNT_NOUNS = {
    "arrests": "arrests",
    "detentions": "arrests",
    "deaths": "deaths",
    "fatalities": "deaths",
    "injuries": "injuries",
}

# Nouns standing for a running total of one category: "the death toll rose to 45".
TOLL_NOUNS: tuple[tuple[str, str], ...] = (
    (
        "deaths",
        r"death\s+toll|toll|fatalities"
        r"|number\s+of\s+(?:confirmed\s+|recorded\s+|reported\s+)?(?:dead|deaths|fatalities)",
    ),
    ("injuries", r"number\s+of\s+(?:injured|wounded|injuries)"),
    ("arrests", r"number\s+of\s+(?:arrests|detainees|people\s+(?:arrested|detained))"),
    ("displaced", r"number\s+of\s+(?:displaced|evacuees|refugees)"),
    ("missing", r"number\s+of\s+missing"),
    ("troops", r"strength|troop\s+numbers|troop\s+levels|deployment"),
)
