"""Numbers as news writes them, and the one convention for vague words.

PyPI normalisers mangle news quantities ("half a million", "tens of thousands", "1.2m"; see
docs FACTS.md §3.1), so this small table-driven parser is ours.  Every pattern is built from
bounded quantifiers over fixed alternatives, so matching is linear in the input: no nested
unbounded groups, no catastrophic backtracking.

Value convention (``Fact.value``):

* a plain figure is its value: "18" -> 18, "1.2 million" / "1.2m" -> 1,200,000;
* "a dozen" -> 12 and "two dozen" -> 24, hedged ``about`` (news uses them loosely);
* plural vague words are the smallest quantity the plural can mean, hedged ``vague``:
  "dozens" = 24 (two dozen), "scores" = 40 (two score), "hundreds" = 200,
  "thousands" = 2,000, "tens of thousands" = 20,000, "hundreds of thousands" = 200,000,
  "millions" = 2,000,000.  This is a true lower bound, stricter than ACLED's (12 / 100), which
  counts a single dozen for "dozens"; we keep "value is a lower bound" literally.
* "several", "a few", "a handful", "many" are not figures and are never extracted;
* a range ("20 to 30", "between 1,000 and 1,100") is its lower end, hedged ``at_least``;
* hedges: "at least" -> at_least; "more than", "over", "upwards of" -> more_than;
  "about", "around", "some", "nearly", "almost", "roughly", "an estimated" ... -> about;
  "up to", "as many as", "at most" -> up_to.  The value is always the number stated.
"""

from __future__ import annotations

import re

from .lazyre import lazy

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SUFFIX_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}


def _either_case(words) -> str:
    """'two|ten' -> '[Tt]wo|[Tt]en': case-insensitive on the first letter only, which keeps
    the pattern case-sensitive (several times faster in ``re`` than IGNORECASE)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in sorted(words, key=len, reverse=True))


_WORD = _either_case([*UNITS, *TENS, "hundred", "thousand", "million"])
_FIRST = _either_case([*UNITS, *TENS])
_AND = r"(?:(?<=undred)|(?<=housand)|(?<=illion))\s+[Aa]nd\s+"
_SPELLED = rf"(?:{_FIRST})(?:(?:{_AND}|[\s-]+)(?:{_WORD})){{0,8}}"
_DIGITS = r"\d{1,3}(?:,\d{3}){1,4}|\d{1,12}"
_DECIMAL = r"\d{1,6}\.\d{1,3}"
_SCALE_WORD = r"(?:\s?(?:[Mm]illion|[Bb]illion|mn|bn|m|k)(?![A-Za-z]))"
_DOZEN = rf"(?:{_either_case(['a', 'one', 'two', 'three', 'four', 'five'])}|[Hh]alf\s+a)\s+dozen"
_HALF = r"[Hh]alf\s+a\s+(?:million|billion)"
_VAGUE = (
    r"(?:[Tt]ens|[Hh]undreds)\s+of\s+thousands|[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands"
    r"|[Mm]illions"
)

NUMBER_RE = lazy(
    __name__,
    "NUMBER_RE",
    # The leading lookahead is a set of first characters, so ``re`` skips other positions fast.
    r"(?=[0-9ADEFHMNOSTadefhmnost])(?<![\w.,:$£€/-])(?:"
    rf"(?P<vague>{_VAGUE})"
    rf"|(?P<dozen>{_DOZEN})"
    rf"|(?P<half>{_HALF})"
    r"|(?P<a_scale>[Aa]\s+(?:hundred|thousand|million|billion))"
    rf"|(?P<num>(?:{_DECIMAL}|{_DIGITS}){_SCALE_WORD}?)"
    rf"|(?P<spelled>{_SPELLED})"
    r")(?!\w)",
)


def parse_spelled(words: str) -> int | None:
    """'one hundred and twelve' -> 112; None when the words do not form one number."""
    total = current = 0
    seen = False
    for word in _WORD_SEP.split(words.lower()):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(phrase: str) -> tuple[int, str] | None:
    """Value and intrinsic hedge ('exact', 'about' or 'vague') of one matched number phrase."""
    m = NUMBER_RE.fullmatch(phrase.strip())
    return None if m is None else parse_match(m)


def parse_match(m: re.Match[str]) -> tuple[int, str] | None:
    """parse_number for a match of NUMBER_RE found in running text."""
    if m["vague"]:
        return VAGUE[_SPACES.sub(" ", m["vague"].lower())], "vague"
    if m["dozen"]:
        head = m["dozen"].lower().split()[0]
        count = 0.5 if head == "half" else (1 if head in ("a", "one") else UNITS[head])
        return int(count * 12), "about"
    if m["half"]:
        return SCALES[m["half"].lower().split()[-1]] // 2, "exact"
    if m["a_scale"]:
        return SCALES[m["a_scale"].lower().split()[-1]], "exact"
    if m["num"]:
        return _parse_digits(m["num"]), "exact"
    value = parse_spelled(m["spelled"])
    return (value, "exact") if value else None


_SCALE_END = lazy(__name__, "_SCALE_END", r"(million|billion|mn|bn|m|k)$", re.IGNORECASE)
_SPACES = lazy(__name__, "_SPACES", r"\s+")
_WORD_SEP = lazy(__name__, "_WORD_SEP", r"[\s-]+")


def _parse_digits(text: str) -> int:
    if text.isdigit() and text.isascii():
        return int(text)  # a plain figure, most of them: no scale, separator or decimal
    scale = 1
    sm = _SCALE_END.search(text)
    if sm:
        word = sm.group(1).lower()
        scale = SCALES.get(word) or SUFFIX_SCALES[word]
        text = text[: sm.start()].strip()
    whole, _, frac = text.replace(",", "").partition(".")
    value = int(whole) * scale
    if frac:
        value += int(frac) * scale // 10 ** len(frac)
    return value
