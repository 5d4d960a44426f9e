"""Compiled patterns that tie a figure to a category, built once from the lexicon.

Every pattern is anchored (``match`` at a position, or ``$`` on a short bounded window), uses
only bounded repetition, and is applied to slices of at most a few dozen characters around a
figure, so the cost per figure is constant whatever the input.
"""

from __future__ import annotations

import re

from .lazyre import lazy
from .lexicon import AFTER_TRIGGERS, BEFORE_TRIGGERS, COUNT_NOUNS, TOLL_NOUNS


def _groups(pairs: tuple[tuple[str, str], ...]) -> str:
    merged: dict[str, list[str]] = {}
    for category, alternatives in pairs:
        merged.setdefault(category, []).append(alternatives)
    return "|".join(f"(?P<{c}>{'|'.join(a)})" for c, a in merged.items())


_AUX = (
    r"(?:\s+(?:who|were|was|are|is|have|has|had|been|being|be|reportedly|also|still|all|later"
    r"|now|remain|remains|remained|subsequently|since|initially|so\s+far|confirmed|either|more"
    r"|in\s+all,?|in\s+total,?|altogether,?"
    r"|seriously|critically|slightly|badly|severely|lightly|gravely|currently"
    r"|(?:known|confirmed|reported|said)\s+to\s+have(?:\s+been)?))"
)

_OF_PHRASE = r"(?:\s+of\s+(?:the\s+|an?\s+|its\s+)?(?:[A-Za-z'’-]{1,20}\s+){0,2}[A-Za-z-]{1,20})?"
# "18 people were killed", "800 soldiers of a multinational force arrived"
AFTER_RE = lazy(
    __name__,
    "AFTER_RE",
    rf"{_OF_PHRASE}(?:\s*,)?{_AUX}{{0,5}}\s+(?:{_groups(AFTER_TRIGGERS)})\b",
    re.I,
)
# "two hikers who were near the crater are missing", "3 men who killed 12 people were arrested",
# "two soldiers on patrol were killed": the main verb after a relative clause or a short
# prepositional / participle phrase wins over the phrase's own words.
RELATIVE_SKIP_RE = lazy(
    __name__,
    "RELATIVE_SKIP_RE",
    r"\s+(?:who|that|on|in|at|near|inside|outside|aboard|from|guarding|patrolling|manning"
    r"|working|travelling|traveling|riding)\s+[^,.;]{1,40}?"
    r"(?=\s+(?:are|were|is|was|have|has|had|remain|remained)\s)",
    re.I,
)
TROOPS_LEFT_RE = lazy(
    __name__,
    "TROOPS_LEFT_RE",
    r"\b(?:(?:reinforced|bolstered|strengthened)\b[^.;]{0,50}\bwith"
    r"|(?:has|have|had|numbers|numbering|comprises|comprising))\s+$",
    re.I,
)
FORCE_OF_RE = lazy(
    __name__,
    "FORCE_OF_RE",
    r"\s+of\s+(?:the\s+|its\s+)?(?:[a-z-]{2,15}\s+){0,2}(?:guard|army|police|forces"
    r"|military|reserves?|navy|marines|gendarmerie)\b",
    re.I,
)
RETURNED_RE = lazy(
    __name__,
    "RETURNED_RE",
    rf"{_AUX}{{0,4}}\s+(?:returned|returning|gone\s+home|went\s+home|repatriated|resettled)\b",
    re.I,
)
BEFORE_RE = lazy(
    __name__,
    "BEFORE_RE",
    rf"\b(?:{_groups(BEFORE_TRIGGERS)})\s+(?:(?:an?|the|another)\s+)?"
    r"(?:(?:additional|further|extra|more|other)\s+)?$",
    re.I,
)
COUNT_NOUN_RE = lazy(
    __name__,
    "COUNT_NOUN_RE",
    rf"\s+(?:new\s+|more\s+|further\s+)?(?:[a-z]{{2,15}}-[a-z]{{2,15}}\s+)?({'|'.join(COUNT_NOUNS)})\b",
)
TREATED_LEFT_RE = lazy(__name__, "TREATED_LEFT_RE", r"\btreated\s+$", re.I)
TREATED_RIGHT_RE = lazy(
    __name__,
    "TREATED_RIGHT_RE",
    r"\s+for\s+(?:\w+\s+)?(?:injuries|wounds|burns|heatstroke|smoke\s+inhalation)\b",
    re.I,
)
FORCED_LEFT_RE = lazy(
    __name__,
    "FORCED_LEFT_RE",
    r"\b(?:forced|forcing|driven|drove|driving|ordered|ordering|told)\s+$",
    re.I,
)
FORCED_RIGHT_RE = lazy(
    __name__,
    "FORCED_RIGHT_RE",
    r"\s+(?:from|out\s+of)\s+(?:their|its|his|her)\s+(?:homes?|villages?|towns?)"
    r"|\s+to\s+(?:flee|evacuate|leave\s+(?:their|the))\b",
    re.I,
)
TOLL_RE = lazy(
    __name__,
    "TOLL_RE",
    rf"\b(?:{_groups(TOLL_NOUNS)}|(?P<same>total|figure|tally|count|number))\b"
    r"[^.;!?]{0,80}?\b(?:to|at|of|reached|hit|hits|is|was|rose|risen|climbed|increased|jumped"
    r"|grew|soared|stands\s+at|stood\s+at)\s+$",
    re.I,
)
TOLL_HINT = lazy(
    __name__,
    "TOLL_HINT",
    r"toll|total|figure|tally|count|number|fatalit|strength|troop|deploy",
    re.I,
)
NUMBER_OF_RE = lazy(
    __name__,
    "NUMBER_OF_RE",
    r"\bnumber\s+of\s+(?:(?P<who>[a-z]{3,20})\s+)?(?P<verb>killed|dead|injured|wounded"
    r"|arrested|detained|displaced|evacuated|missing)\b[^.;!?]{0,100}?\b(?:to|at|reached|hit"
    r"|rose|risen|climbed|increased|jumped|stands\s+at|stood\s+at)\s+$",
    re.I,
)
VERB_CATEGORY = {
    "killed": "deaths", "dead": "deaths", "injured": "injuries", "wounded": "injuries",
    "arrested": "arrests", "detained": "arrests", "displaced": "displaced",
    "evacuated": "displaced", "missing": "missing",
}  # fmt: skip
INCLUDING_RE = lazy(
    __name__,
    "INCLUDING_RE",
    r"\b(?:including|included|includes|include|among\s+them|among\s+whom|of\s+whom|of\s+them"
    r"|among\s+the\s+dead\s+were"
    r"|among\s+those\s+killed\s+were)\s+$",
    re.I,
)
REPORTED_RE = lazy(
    __name__,
    "REPORTED_RE",
    r",\s+[^,]{1,60}\b(?:said|says|reported|added|told\s+\w+)(?:\s+on\s+\w+)?,\s+\w+\s+$",
    re.I,
)
OF_GROUP_RE = lazy(
    __name__,
    "OF_GROUP_RE",
    r"\s+of\s+(?:(?P<them>them|whom)\b|(?:those|the)\s+(?P<group>[a-z]{3,20})\b)",
    re.I,
)
GROUP_CATEGORY = {
    "victims": "deaths", "dead": "deaths", "killed": "deaths", "bodies": "deaths",
    "injured": "injuries", "wounded": "injuries", "hurt": "injuries",
    "held": "arrests", "arrested": "arrests", "detained": "arrests", "detainees": "arrests",
    "missing": "missing", "displaced": "displaced", "evacuated": "displaced",
    "evacuees": "displaced",
}  # fmt: skip
FORCE_UNITS = r"force|contingent|army|unit|brigade|battalion|mission|deployment"
STRONG_RE = lazy(
    __name__,
    "STRONG_RE",
    rf"-(?:strong|member|man|person|troop|soldier)\s+(?P<who>{FORCE_UNITS})\b",
    re.I,
)
LABEL_RE = lazy(
    __name__,
    "LABEL_RE",
    r"\b(?:(?P<deaths>dead|deaths|killed|fatalities)|(?P<injuries>injured|wounded|injuries)"
    r"|(?P<missing>missing)|(?P<arrests>arrested|arrests|detained)"
    r"|(?P<displaced>displaced|evacuated|homeless))\s*:\s*$",
    re.I,
)
BRINGING_LEFT_RE = lazy(
    __name__,
    "BRINGING_LEFT_RE",
    r"\b(?:bringing|brings|brought|taking|takes|raising)\s+to\s+$",
    re.I,
)
BRINGING_RIGHT_RE = lazy(
    __name__,
    "BRINGING_RIGHT_RE",
    r"\s+the\s+(?:(?P<toll>death\s+toll|toll)|number|total|tally)\b(?:\s+of\s+(?:[a-z]+\s+){0,2}?"
    r"(?P<verb>killed|dead|injured|wounded|arrested|detained|displaced|evacuated|missing)\b)?",
    re.I,
)
OR_ALTERNATIVE_RE = lazy(__name__, "OR_ALTERNATIVE_RE", r"\s+(?:or|and/or)\s+[a-z]", re.I)
OLD_FIGURE_RE = lazy(
    __name__,
    "OLD_FIGURE_RE",
    r"\b(?:from|compared\s+with|compared\s+to|previously|earlier)\s+$",
    re.I,
)
BETWEEN_RE = lazy(__name__, "BETWEEN_RE", r"\bbetween\s+$", re.I)
RANGE_GAP_RE = lazy(__name__, "RANGE_GAP_RE", r"\s{0,3}(?:to|-|–|—|and|or)\s{0,3}", re.I)
DIGIT_RANGE_RE = lazy(
    __name__, "DIGIT_RANGE_RE", r"[-–](\d{1,3}(?:,\d{3}){1,3}|\d{1,7})(?![\w.,-])"
)
HEDGE_RE = lazy(
    __name__,
    "HEDGE_RE",
    r"\b(?:(?P<at_least>at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of)"
    r"|(?P<more_than>more\s+than|just\s+over|well\s+over|over|upwards\s+of|in\s+excess\s+of)"
    r"|(?P<up_to>up\s+to|as\s+many\s+as|at\s+most|fewer\s+than|less\s+than)"
    r"|(?P<about>about|around|roughly|some|nearly|almost|approximately|an\s+estimated"
    r"|estimated|close\s+to|just\s+under|an\s+approximate))\s+$",
    re.I,
)
EURO_THOUSANDS_RE = lazy(__name__, "EURO_THOUSANDS_RE", r"\d{1,3}\.\d{3}")
TOKEN_RE = lazy(__name__, "TOKEN_RE", r"\s+([A-Za-z][A-Za-z'’-]{0,30})")
OF_PEOPLE_RE = lazy(__name__, "OF_PEOPLE_RE", r"\s+of\s+(?!them\b|whom\b|those\b|the\b)", re.I)
# a comma inside "20,000" is a thousands separator, not a clause break
CLAUSE_BREAK_RE = lazy(__name__, "CLAUSE_BREAK_RE", r"[;:(—–]|,(?!\d)")
