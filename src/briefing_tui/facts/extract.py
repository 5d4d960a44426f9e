"""Find the figures of each sentence and decide, conservatively, what each one counts.

A figure becomes a fact only when a local pattern ties it to a category: the subject's verb
("18 people were killed"), a verb taking it as object ("arrested 37 demonstrators"), a running
total ("the death toll rose to 45"), a breakdown of an earlier figure ("including 12
children"), or a shared verb ("two soldiers and three militants were killed").  Anything else
is left out: precision first, because a wrong toll on screen is worse than none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import numbers
from . import patterns as P
from .context import not_a_count, out_of_scope
from .figures import Figures
from .gate import may_hold_fact
from .lexicon import COUNT_NOUNS, FORCE_NOUNS, PERSON_NOUNS
from .mention import Mention
from .numbers import parse_match
from .sentences import split_sentences
from .who import ADJECTIVE_TRIGGERS, find_who, is_person

if TYPE_CHECKING:
    from briefing_tui.models import Fact

MAX_NUMBERS = 40
"""Figures looked at per sentence: keeps the cost of a pathological 'sentence' bounded."""


def extract(text: str) -> tuple[Fact, ...]:
    # Imported here, not at module level: the models' eleven dataclasses cost more to create
    # than this whole package, and the app has imported them long before the first article.
    from briefing_tui.models import Fact

    facts: list[tuple[Mention, int, int]] = []
    figures = Figures(text)
    # a text without figures is still split: rejecting its sentences costs less than proving
    # that none can start with a figure glued to what precedes it (figures.py)
    for s_start, s_end in split_sentences(text, figures.within):
        sentence = text[s_start:s_end]
        if not may_hold_fact(sentence):
            continue  # exact: no figure of it can become a fact (gate.py)
        prior = [m for m, _, _ in facts[-8:]]
        for m in _sentence_mentions(sentence, prior):
            facts.append((m, s_start, s_end))
    index = {id(m): i for i, (m, _, _) in enumerate(facts)}
    return tuple(
        Fact(
            category=m.category,  # type: ignore[arg-type]
            value=m.value,
            approx=m.approx,  # type: ignore[arg-type]
            raw=text[s + m.lead : s + m.end],
            who=m.who,
            sentence=text[s:e],
            sentence_start=s,
            sentence_end=e,
            start=s + m.lead,
            end=s + m.end,
            part_of=index.get(id(m.part_of)) if m.part_of is not None else None,
        )
        for m, s, e in facts
    )


def _sentence_mentions(sentence: str, prior: list[Mention]) -> list[Mention]:
    mentions = _numbers(sentence)
    accepted: list[Mention] = []
    for m in mentions:
        _categorise(sentence, m, accepted, prior)
        if m.category and _in_scope(sentence, m):
            accepted.append(m)
    for i in range(len(mentions) - 2, -1, -1):  # "two soldiers and three militants were killed"
        m, nxt = mentions[i], mentions[i + 1]
        if m.category is None and m.person and nxt.from_shared_verb and nxt in accepted:
            if P.RANGE_GAP_RE.fullmatch(sentence[m.who_end : nxt.lead].replace(",", " ")):
                m.category, m.trigger_end, m.from_shared_verb = nxt.category, nxt.trigger_end, True
                if _in_scope(sentence, m):
                    accepted.append(m)
    for prev, m in zip(mentions, mentions[1:], strict=False):  # "arrested eight men and two women"
        if m.category is None and m.person and prev.from_object_verb and prev in accepted:
            if P.RANGE_GAP_RE.fullmatch(sentence[prev.who_end : m.lead].replace(",", " ")):
                m.category, m.trigger_end, m.from_object_verb = prev.category, m.who_end, True
                if _in_scope(sentence, m):
                    accepted.append(m)
    accepted.sort(key=lambda m: m.lead)
    return accepted


def _numbers(sentence: str) -> list[Mention]:
    found = []
    for m in numbers.NUMBER_RE.finditer(sentence):
        found.append((m.start(), m.end(), parse_match(m)))
        if len(found) >= MAX_NUMBERS:
            break  # a sentence with more figures than this is a table, not prose
    found = [(s, e, p) for s, e, p in found if p is not None]
    out: list[Mention] = []
    i = 0
    while i < len(found):
        start, end, (value, kind) = found[i]  # type: ignore[misc]
        lead, approx, first_start = start, kind, start
        before = sentence[max(0, start - 30) : start]
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = sentence[end : nxt[0]] if nxt else ""
        if nxt and P.RANGE_GAP_RE.fullmatch(gap):
            if before.endswith(("from ", "by ")) and gap.strip().lower() == "to":
                # an update: "from 19 to 34" / "rose by 5 to 40" keeps the newer figure
                start, end, (value, kind) = nxt  # type: ignore[misc]
                lead, approx, first_start = start, kind, start
                i += 1
            elif gap.strip().lower() != "and" or P.BETWEEN_RE.search(before):
                # a range, "20 to 30" / "between 1,000 and 1,100" / "two or three": lower end
                end, approx = nxt[1], "at_least"
                if m := P.BETWEEN_RE.search(before):
                    lead = start - (len(before) - m.start())
                i += 1
        elif dm := P.DIGIT_RANGE_RE.match(sentence, end):
            end, approx = dm.end(), "at_least"
        i += 1
        near = sentence[max(0, lead - 20) : lead]
        if lead == first_start and near[-2:] not in ("", "  ") and P.OLD_FIGURE_RE.search(near):
            continue  # "up from 18": the superseded figure
        phrase = sentence[first_start:end]
        if _european_thousands(sentence, phrase, end):
            value, phrase = int(phrase.replace(".", "")), phrase.replace(".", ",")
        if not_a_count(sentence, first_start, end, phrase, value):
            continue
        if lead == first_start and (h := P.HEDGE_RE.search(sentence[max(0, lead - 30) : lead])):
            lead = lead - (len(sentence[max(0, lead - 30) : lead]) - h.start())
            if approx != "at_least" or h.lastgroup == "at_least":
                approx = h.lastgroup or approx
        out.append(Mention(lead, first_start, end, value, approx, kind == "vague"))
    return out


def _after_relative(sentence: str, pos: int):  # noqa: ANN202 - re.Match | None
    """The main verb after a relative clause: 'two hikers who were near the crater are
    missing', '3 men who killed 12 people were arrested'."""
    skip = P.RELATIVE_SKIP_RE.match(sentence, pos)
    return P.AFTER_RE.match(sentence, skip.end()) if skip else None


def _european_thousands(sentence: str, phrase: str, end: int) -> bool:
    """'1.500 soldiers': a dot before exactly three digits, then people, is a separator."""
    if not P.EURO_THOUSANDS_RE.fullmatch(phrase):
        return False
    word = P.TOKEN_RE.match(sentence, end)
    return bool(word) and is_person(word.group(1), word.group(1).lower())


def _categorise(sentence: str, m: Mention, accepted: list[Mention], prior: list[Mention]) -> None:
    """Set m.category (or leave it None), trying the most specific forms first."""
    if _fixed_form(sentence, m, accepted, prior):
        return
    find_who(sentence, m, m.end)
    if m.who_end < 0:
        return
    left = sentence[max(0, m.lead - 60) : m.lead]
    if not _framed_form(sentence, m, left, accepted, prior):
        _verb_or_noun_form(sentence, m, left, accepted, prior)
    if m.category == "troops" and not (_is_force(m, sentence) or _force_named_before(sentence, m)):
        m.category = None
    if m.category and m.category != "troops" and m.who and not m.person:
        m.category = None
    if m.category == "displaced" and m.who and _is_force(m):
        m.category = None  # "5,000 troops crossed into ..." is an incursion, not flight


def _fixed_form(sentence: str, m: Mention, accepted: list[Mention], prior: list[Mention]) -> bool:
    """'a 4,000-strong force', 'three of them', 'made 45 arrests'."""
    if strong := P.STRONG_RE.match(sentence, m.end):
        m.category, m.who = "troops", strong["who"]
        m.who_end = m.trigger_end = strong.end()
    elif group := P.OF_GROUP_RE.match(sentence, m.end):
        _breakdown(sentence, m, group, accepted, prior)
    elif noun := P.COUNT_NOUN_RE.match(sentence, m.end):
        m.category = COUNT_NOUNS[noun.group(1)]
        m.who_end = m.trigger_end = noun.end()
    else:
        return False
    return True


def _framed_form(sentence, m: Mention, left: str, accepted, prior) -> bool:  # noqa: ANN001
    """'Dead: 23' list labels and 'bringing to 58 the number of troops killed'."""
    if ":" in left[-20:] and (label := P.LABEL_RE.search(left[-20:])):
        m.category, m.trigger_end = label.lastgroup, m.end
        return True
    if not left.endswith("to ") or not P.BRINGING_LEFT_RE.search(left):
        return False
    if not (r := P.BRINGING_RIGHT_RE.match(sentence, m.end)):
        return False
    if r["verb"]:
        m.category = P.VERB_CATEGORY[r["verb"].lower()]
    else:
        m.category = "deaths" if r["toll"] else _previous_category(accepted, prior)
    m.who, m.trigger_end = "", r.end()
    return True


def _verb_or_noun_form(sentence, m: Mention, left: str, accepted, prior) -> None:  # noqa: ANN001
    adjective = next((w for w in m.who.lower().split() if w in ADJECTIVE_TRIGGERS), None)
    if adjective:  # "80,000 displaced people", "a dozen injured neighbours"
        m.category, m.trigger_end = ADJECTIVE_TRIGGERS[adjective], m.who_end
    elif m.who.lower().endswith(("bodies", "corpses")):
        m.category, m.trigger_end = "deaths", m.who_end  # bodies are never injured or missing
    elif b := P.BEFORE_RE.search(left[-45:]):  # the object of "killed 12 people were arrested"
        m.category, m.trigger_end = b.lastgroup, max(m.who_end, m.end)
        m.from_object_verb = True
    elif _troops_counted(sentence, m, left):
        m.category, m.trigger_end = "troops", m.who_end  # "which has about 12,000 personnel"
    elif (
        (a := _after_relative(sentence, m.who_end) or P.AFTER_RE.match(sentence, m.who_end))
        # "1,300 civilians in the province" is no force
        and (a.lastgroup != "troops" or _is_force(m) or _force_named_before(sentence, m))
    ):
        if not P.OR_ALTERNATIVE_RE.match(sentence, a.end()):  # "killed or wounded": no split
            m.category, m.trigger_end, m.from_shared_verb = a.lastgroup, a.end(), True
    elif P.FORCED_LEFT_RE.search(left) and (f := P.FORCED_RIGHT_RE.match(sentence, m.who_end)):
        m.category, m.trigger_end = "displaced", f.end()
    elif P.TREATED_LEFT_RE.search(left) and (f := P.TREATED_RIGHT_RE.match(sentence, m.who_end)):
        m.category, m.trigger_end = "injuries", f.end()  # "treated 1,500 people for heatstroke"
    else:
        _total_or_breakdown(sentence, m, left, accepted, prior)


def _total_or_breakdown(sentence, m: Mention, left: str, accepted, prior) -> None:  # noqa: ANN001
    """'the number of people killed has climbed to 34', 'the death toll rose to 45',
    'including 12 children', and refugees counted as such."""
    far = sentence[max(0, m.lead - 140) : m.lead]
    if "number of" in far and (n := P.NUMBER_OF_RE.search(far)):
        m.category, m.trigger_end = P.VERB_CATEGORY[n["verb"].lower()], m.end
        if not m.who and n["who"] and n["who"].lower() in PERSON_NOUNS:
            m.who, m.person = n["who"], True
    elif P.TOLL_HINT.search(far) and (t := P.TOLL_RE.search(far[-120:])):
        m.category = _previous_category(accepted, prior) if t.lastgroup == "same" else t.lastgroup
        m.trigger_end = m.end
    elif accepted and P.INCLUDING_RE.search(left[-30:]):
        # after "..., officials said, including" the breakdown is of the main clause's figure
        total = accepted[0] if P.REPORTED_RE.search(left) else accepted[-1]
        m.category, m.part_of, m.trigger_end = total.category, total, m.end
    elif m.who.lower().endswith(("refugees", "evacuees")):
        if not P.RETURNED_RE.match(sentence, m.who_end):
            m.category, m.trigger_end = "displaced", m.who_end


def _breakdown(sentence, m: Mention, group, accepted: list[Mention], prior: list[Mention]) -> None:
    """'three of them', 'five of the victims', '23 of those held': a part of an earlier total."""
    m.who_end = m.trigger_end = group.end()
    if a := P.AFTER_RE.match(sentence, group.end()):
        m.category, m.trigger_end = a.lastgroup, a.end()
    elif group["group"] and group["group"].lower() in P.GROUP_CATEGORY:
        m.category = P.GROUP_CATEGORY[group["group"].lower()]
    elif b := P.BEFORE_RE.search(sentence[max(0, m.lead - 60) : m.lead]):
        m.category = b.lastgroup  # "killing two of the intruders"
        if m.category == "troops":
            m.category = None
        return
    elif group["them"] and (accepted or prior):
        m.category = _previous_category(accepted, prior)  # "Nine of them": the last total
    if m.category:
        for earlier in reversed([*prior, *accepted]):
            if earlier.category == m.category:
                m.part_of = earlier
                break


def _previous_category(accepted: list[Mention], prior: list[Mention]) -> str | None:
    if accepted:
        return accepted[-1].category
    return prior[-1].category if prior else None


def _is_force(m: Mention, sentence: str = "") -> bool:
    words = m.who.lower().split()
    if any(w in FORCE_NOUNS for w in words):
        return True
    if m.who and sentence and P.FORCE_OF_RE.match(sentence, m.who_end):
        return True  # "500 members of the state guard"
    return m.who == "" and m.trigger_end == m.end


def _troops_counted(sentence: str, m: Mention, left: str) -> bool:
    """'which has about 12,000 uniformed personnel', 'reinforced the garrison with 2,000
    paratroopers': a force named with its size."""
    return bool(m.who) and _is_force(m, sentence) and bool(P.TROOPS_LEFT_RE.search(left[-70:]))


def _force_named_before(sentence: str, m: Mention) -> bool:
    """'... police officers will be deployed, after 3,000 were sent': who is the force named."""
    if m.who:
        return False
    return any(w in FORCE_NOUNS for w in sentence[max(0, m.lead - 100) : m.lead].lower().split())


def _in_scope(sentence: str, m: Mention) -> bool:
    breaks = [b.end() for b in P.CLAUSE_BREAK_RE.finditer(sentence, max(0, m.lead - 120), m.lead)]
    clause_start = breaks[-1] if breaks else max(0, m.lead - 120)
    return not out_of_scope(sentence, m.lead, max(m.trigger_end, m.end), clause_start)
