"""Is a figure a count of people at all, and is it this article's news?

Two kinds of filter, both local to the sentence and bounded in how far they look:

* ``not_a_count``: dates, clock times, years, ages and other "-year-old" compounds, durations,
  percentages, money, magnitudes, labels such as "Route 66" or "Article 5";
* ``out_of_scope``: negated statements ("none of the 40 workers was hurt"), hypotheticals and
  plans ("could kill up to 500", "will deploy 3,000 troops next month"), denials ("denied
  reports that 300 soldiers..."), and background figures tied to an earlier year or "last
  year" ("the 1986 disaster killed 31", "which has killed 500,000 since 2011").

Plans are left out on purpose: the sidebar says what happened, and a deployment that a
government "will" make is not yet a figure on the ground.  A decision already taken ("voted to
send 2,500 peacekeepers", "ordered the evacuation of 2,300") is kept.
"""

from __future__ import annotations

import re

from .lazyre import lazy

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_BEFORE_NOT_COUNT = lazy(
    __name__,
    "_BEFORE_NOT_COUNT",
    rf"(?:(?:\b(?:{_MONTHS})\.?)|[$£€¥]|\bUS\$|\bRs\.?|\b(?:No|no|Nos|nr)\.|"
    r"\b(?:Number|Route|Article|Chapter|Section|Highway|Flight|Room|Platform|Gate|Level|Category"
    r"|Resolution|Paragraph|Phase|Stage|Round|Week|Day|Year|Pier|Block|Building|Unit|Ward"
    r"|magnitude|Magnitude|page|pages|(?:aged|ages|age)(?:\s+(?:between|from|of))?"
    r"|between\s+the\s+ages\s+of|version|Apollo"
    r"|score|scored|beat|won|led|drew))\s*$",
)
_AFTER_NOT_COUNT = lazy(
    __name__,
    "_AFTER_NOT_COUNT",
    rf"^(?:\s*(?:%|per\s*cent\b|percent\b|pc\b|percentage\b|a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b"
    rf"|o'clock\b|(?:{_MONTHS})\b|th\b|st\b|nd\b|rd\b"
    r"|(?:a|per|each|every)\s+(?:day|week|month|year|hour)\b)|-(?!(?:strong|member|man|person|troop|soldier)\b)[\w]|[:/]\d|\.\d|\s*[x×]\s*\d)",
)
_YEAR = lazy(__name__, "_YEAR", r"(?:19|20)\d\d")
_DATE_BEFORE_YEAR = lazy(__name__, "_DATE_BEFORE_YEAR", rf"(?:\d{{1,2}},?\s*|(?:{_MONTHS})\.?\s+)$")

_NEGATION = lazy(
    __name__,
    "_NEGATION",
    r"\b(?:none\s+of(?:\s+(?:the|its|their|those))?|neither\s+of(?:\s+the)?|no|not|n't|never"
    r"|without|zero)\s+(?:[a-z]+\s+){0,2}$",
    re.IGNORECASE,
)
_HYPOTHETICAL = lazy(
    __name__,
    "_HYPOTHETICAL",
    r"\b(?:could|would|might|may|will|shall|wo|'ll|expected\s+to|plans?\s+to|planned|planning"
    r"|intends?\s+to|intended\s+to|threaten(?:s|ed)?(?:\s+to)?|if|unless|feared|fears?|risk|risks"
    r"|warned|warns|likely\s+to|set\s+to|aims?\s+to|ready\s+to|prepared\s+to|estimates?\s+that"
    r"|projected|forecast|scenario|hypothetical|potentially|possibly"
    r"|simulat(?:e|es|ed|ing|ion)|mock|rehearsal|rehearsing)\b",
    re.IGNORECASE,
)
# a movement still to come right after a force named by a frame ("a battalion of 500
# soldiers is expected to leave", "a contingent of 300 police will arrive"); "the 4,500-strong
# force would review its routes" is a force that exists, and stays
_FUTURE_AFTER = lazy(
    __name__,
    "_FUTURE_AFTER",
    r"\s+(?:(?:is|are)\s+)?(?:(?:expected|due|set|scheduled|slated|likely|planned|poised)\s+to"
    r"|to|will|would|could|may|might)\s+(?:be\s+)?(?:arrive|leave|deploy|deployed|sent|dispatched"
    r"|join|head|travel|move|moved|go|land|reach|flown|airlifted)\b",
    re.I,
)
_DENIAL = lazy(
    __name__,
    "_DENIAL",
    r"\b(?:denied|denies|deny|denying|rejected|dismissed|refuted|false)\b",
    re.I,
)
_PAST_BEFORE = lazy(
    __name__,
    "_PAST_BEFORE",
    r"\b(?:last\s+year|(?:years?|decades?)\s+(?:ago|after|since|before)|a\s+decade|previous\s+year"
    r"|in\s+the\s+past(?!\s+(?:few\s+|two\s+|three\s+|several\s+|24\s+|48\s+|72\s+)?"
    r"(?:days?|weeks?|months?|hours?|night|fortnight)\b)"
    r"|anniversary|history|historic|since\s+records)",
    re.IGNORECASE,
)
_PAST_AFTER = lazy(
    __name__,
    "_PAST_AFTER",
    r"^[^.;]{0,40}?\b(?:since|in|during|of)\s+(?:(?:19|20)\d\d\b|the\s+(?:19|20)\d0s)",
    re.I,
)


_ENDS_IN_LETTER = lazy(__name__, "_ENDS_IN_LETTER", r"[a-z]\s*$", re.I)
_PEOPLE_AFTER = lazy(__name__, "_PEOPLE_AFTER", r"\s+(?:people|persons|soldiers|troops)\b")
_ONE_DIGIT = lazy(__name__, "_ONE_DIGIT", r"\d")
_NOT_WITHIN = lazy(__name__, "_NOT_WITHIN", r"\b(?:not|n't|never|no\s+longer)\b")


def not_a_count(sentence: str, start: int, end: int, phrase: str, value: int) -> bool:
    """True when the number at sentence[start:end] is a date, time, year, age, %, money..."""
    before = sentence[max(0, start - 25) : start]  # the longest label is 20 characters
    after = sentence[end : end + 20]
    if _BEFORE_NOT_COUNT.search(before) or _AFTER_NOT_COUNT.match(after):
        return True
    if "." in phrase and not _ENDS_IN_LETTER.search(phrase):
        return True  # a bare decimal is a measurement (magnitude 6.1, 4.2), not a head count
    if _YEAR.fullmatch(phrase) and not _PEOPLE_AFTER.match(after):
        return True
    return False


def year_is_background(before: str) -> bool:
    """A year in the words before a figure, unless it ends a full date ('March 14, 2026')."""
    for m in _YEAR.finditer(before):
        if not _DATE_BEFORE_YEAR.search(before[: m.start()]):
            if not _ONE_DIGIT.match(before[m.end() : m.end() + 1]):
                return True
    return False


def out_of_scope(sentence: str, lead: int, trigger_end: int, clause_start: int) -> bool:
    """Negated, hypothetical, denied or background: the figure is not this article's toll."""
    if _NEGATION.search(sentence[max(clause_start, lead - 40) : lead]):
        return True
    if _NOT_WITHIN.search(sentence[lead:trigger_end]):
        return True
    if _HYPOTHETICAL.search(sentence[clause_start:trigger_end]):
        return True
    if _FUTURE_AFTER.match(sentence, trigger_end):
        return True
    if _DENIAL.search(sentence[:lead]):
        return True
    whole_left = sentence[max(0, lead - 160) : lead]
    if _PAST_BEFORE.search(whole_left) or year_is_background(whole_left):
        return True
    return bool(_PAST_AFTER.match(sentence[trigger_end : trigger_end + 60]))
