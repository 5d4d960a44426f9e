"""The number parser: any text gives a clean answer or None, and written-out integers read back.

Property-based (hypothesis), as issue 5 asks for the parser beside the extractor.
"""

from hypothesis import given
from hypothesis import strategies as st

from briefing_tui.facts.numbers import parse_number

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """1..999 in words, the way wire copy writes them ('one hundred and twelve')."""
    hundreds, rest = divmod(n, 100)
    parts = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, units = divmod(rest, 10)
        if rest < 10:
            word = _UNITS[rest]
        elif rest < 20:
            word = _TEENS[rest - 10]
        else:
            word = _TENS[tens] + (f"-{_UNITS[units]}" if units else "")
        parts.append(("and " if hundreds else "") + word)
    return " ".join(parts)


@given(st.text(max_size=200))
def test_any_text_parses_to_a_clean_result_or_none(text):
    result = parse_number(text)
    if result is not None:
        value, approx = result
        assert isinstance(value, int) and value >= 0
        assert approx in ("exact", "about", "vague")


@given(st.integers(min_value=0, max_value=10**12 - 1))  # longer digit runs are not counts
def test_digits_with_thousands_separators_read_back(n):
    assert parse_number(f"{n:,}") == (n, "exact")
    assert parse_number(str(n)) == (n, "exact")


@given(st.integers(min_value=1, max_value=999))
def test_spelled_out_numbers_read_back(n):
    assert parse_number(spell(n)) == (n, "exact")
