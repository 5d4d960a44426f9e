"""Who a figure counts: the noun phrase right after it, as written ('12 unarmed protesters').

The phrase runs to the last person noun within four words, through modifiers ('suspected gang
members', 'other soldiers').  A figure followed by a noun that is not a person ('3 houses',
'three weeks', 'two more ships') is marked as counting things, and never becomes a fact.
"""

from __future__ import annotations

from . import patterns as P
from .lexicon import FORCE_NOUNS, FUNCTION_WORDS, NOT_PERSONS, PERSON_NOUNS, PERSON_SUFFIXES
from .mention import Mention

_MODIFIERS = frozenset({"more", "other", "further", "additional", "extra"})
ADJECTIVE_TRIGGERS = {
    "displaced": "displaced",
    "wounded": "injuries",
    "injured": "injuries",
    "missing": "missing",
    "detained": "arrests",
    "arrested": "arrests",
    "dead": "deaths",
    "evacuated": "displaced",
}
_TRIGGER_WORDS = frozenset(
    """killed dead died perished drowned slain shot executed massacred crushed burned burnt lost
    confirmed found injured wounded hurt hospitalised hospitalized treated arrested detained
    taken rounded held deployed sent dispatched stationed airlifted flown mobilised mobilized
    posted displaced evacuated fled homeless forced made uprooted missing unaccounted went
    reported""".split()
)


def is_person(word: str, low: str) -> bool:
    if low in PERSON_NOUNS:
        return True
    if word[0].isupper():  # demonyms: Palestinians, Ukrainians, Israelis, Congolese
        return low.endswith(("ans", "is", "ese"))
    return len(low) > 5 and low.endswith(PERSON_SUFFIXES) and low not in NOT_PERSONS


def find_who(sentence: str, m: Mention, pos: int) -> None:
    """Set who / who_end / person from the words after the figure ('12 unarmed protesters')."""
    if (of := P.OF_PEOPLE_RE.match(sentence, pos)) and (m.vague or m.approx == "about"):
        pos = of.end() - 1
    tokens: list[tuple[str, int, int]] = []
    q = pos
    while len(tokens) < 4 and (t := P.TOKEN_RE.match(sentence, q)):
        tokens.append((t.group(1), t.start(1), t.end(1)))
        q = t.end()
    m.who_end, last = pos, -1
    for i, (word, _, _) in enumerate(tokens):
        low = word.lower()
        if is_person(word, low):
            last = i
        elif (
            low in ADJECTIVE_TRIGGERS
            and i + 1 < len(tokens)
            and is_person(tokens[i + 1][0], tokens[i + 1][0].lower())
        ):
            continue  # "80,000 displaced people", "12 wounded soldiers"
        elif (
            low == "and"
            and last == i - 1
            and tokens[i - 1][0].lower() in FORCE_NOUNS
            and i + 1 < len(tokens)
            and tokens[i + 1][0].lower() in FORCE_NOUNS
        ):
            continue  # "1,200 sailors and marines": two forces deployed together
        elif low in _TRIGGER_WORDS or (low in FUNCTION_WORDS and low not in _MODIFIERS):
            break
    if last >= 0:
        m.who, m.who_end, m.person = sentence[tokens[0][1] : tokens[last][2]], tokens[last][2], True
        return
    words = [w.lower() for w, _, _ in tokens]
    at = next((i for i, w in enumerate(words) if w not in _MODIFIERS), None)
    m.person = False
    if at is None or words[at] in FUNCTION_WORDS or words[at] in _TRIGGER_WORDS:
        return
    following = words[at + 1] if at + 1 < len(words) else ""
    if words[at].endswith("ed") and (not following or following in FUNCTION_WORDS):
        return  # a verb: "the first 400 landed in the capital"
    m.who_end = -1  # counts things ("3 houses", "two more ships"), never people
