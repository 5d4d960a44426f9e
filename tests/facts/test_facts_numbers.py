"""The number grammar: every form news writes, and the vague-word convention (numbers.py)."""

import pytest

from briefing_tui.facts.numbers import NUMBER_RE, parse_number

CASES = [
    ("18", 18, "exact"),
    ("2,500", 2_500, "exact"),
    ("1,200,000", 1_200_000, "exact"),
    ("1.2 million", 1_200_000, "exact"),
    ("1.2m", 1_200_000, "exact"),
    ("2.5bn", 2_500_000_000, "exact"),
    ("3 billion", 3_000_000_000, "exact"),
    ("eighteen", 18, "exact"),
    ("Eighteen", 18, "exact"),
    ("twenty-five", 25, "exact"),
    ("twenty five", 25, "exact"),
    ("two hundred", 200, "exact"),
    ("one hundred and twelve", 112, "exact"),
    ("three thousand", 3_000, "exact"),
    ("forty-two thousand five hundred", 42_500, "exact"),
    ("a dozen", 12, "about"),
    ("two dozen", 24, "about"),
    ("half a dozen", 6, "about"),
    ("dozens", 24, "vague"),
    ("scores", 40, "vague"),
    ("hundreds", 200, "vague"),
    ("thousands", 2_000, "vague"),
    ("tens of thousands", 20_000, "vague"),
    ("hundreds of thousands", 200_000, "vague"),
    ("millions", 2_000_000, "vague"),
    ("half a million", 500_000, "exact"),
]


@pytest.mark.parametrize(("phrase", "value", "kind"), CASES)
def test_parse_number(phrase, value, kind):
    assert parse_number(phrase) == (value, kind)


@pytest.mark.parametrize("phrase", ["several", "many", "a handful", "", "1.2.3", "dozen"])
def test_not_numbers(phrase):
    assert parse_number(phrase) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("G7 leaders", []),
        ("COVID-19 cases", []),
        ("a 23-year-old man", ["23"]),  # found as a number, rejected later as an age
        ("the 12th day", []),
        ("$2 million", []),
        ("cost 3,000 lives", ["3,000"]),
    ],
)
def test_number_boundaries(text, found):
    assert [m.group() for m in NUMBER_RE.finditer(text)] == found


def test_long_digit_run_is_linear():
    text = "9" * 100_000 + " people"
    assert list(NUMBER_RE.finditer(text)) == []
