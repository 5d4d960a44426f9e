"""FACTS.md §7's seventeen hard cases, one or more rows each, plus the issue's "not facts" list.

Expected rows follow the conventions in facts/numbers.py and facts/context.py: explicit figures
only, plans and hypotheticals left out, negations never positive, old figures of an update
dropped, breakdowns kept and linked to their total.
"""

import pytest

from briefing_tui.facts import extract_facts, summarize

# (case, text, expected facts as (category, value, approx, who))
CASES = [
    (
        "1 cumulative",
        "The death toll rose to 23 on Friday, up from 18.",
        [("deaths", 23, "exact", "")],
    ),
    (
        "1 increment",
        "Five more bodies were found, bringing the total to 28.",
        [("deaths", 5, "exact", "more bodies"), ("deaths", 28, "exact", "")],
    ),
    (
        "2 conflicting",
        "Officials said 18 people were killed, but hospital sources put the figure at 25.",
        [("deaths", 18, "exact", "people"), ("deaths", 25, "exact", "")],
    ),
    ("3 no one", "No one was killed in the blast, police said.", []),
    ("3 no reports", "There were no immediate reports of casualties.", []),
    ("3 none of the 40", "None of the 40 passengers was hurt.", []),
    ("3 not", "Police said 12 protesters were not injured.", []),
    ("4 could climb", "Officials warned the toll could climb to 100.", []),
    ("4 feared dead", "Twelve miners are feared dead after the collapse.", []),
    ("4 may be deployed", "Up to 5,000 troops may be deployed to the region.", []),
    (
        "4 were deployed",
        "Up to 5,000 troops were deployed to the region.",
        [("troops", 5000, "up_to", "troops")],
    ),
    ("4 if", "If the dam fails, 2 million people could be displaced.", []),
    ("4 will deploy", "The alliance will deploy 3,000 troops next month.", []),
    ("5 denied", "The ministry denied reports that 300 soldiers had been killed.", []),
    ("6 1986", "The 1986 disaster killed 31 people.", []),
    ("6 2010", "The 2010 floods killed nearly 2,000 people.", []),
    ("6 since 2011", "The war, which has killed more than 500,000 people since 2011, goes on.", []),
    ("6 last year", "Last year's floods killed 230 people in the district.", []),
    ("7 implicit", "Six passengers had their throats cut, police said.", []),
    (
        "7 coordinated",
        "Two people died and three others were hurt.",
        [("deaths", 2, "exact", "people"), ("injuries", 3, "exact", "others")],
    ),
    (
        "8 including",
        "Seventy-three people were hospitalised, including 12 children.",
        [("injuries", 73, "exact", "people"), ("injuries", 12, "exact", "children")],
    ),
    (
        "9 non-person numbers",
        "On Feb. 1 at 11:45 p.m., a magnitude 6.8 quake destroyed 3 houses on Route 66, "
        "52.3% of voters said, costing $2 million; the No. 2 official visited M4.",
        [],
    ),
    ("9 age", "A 34-year-old man was arrested on Monday.", []),
    (
        "10 crowd",
        "No one was killed in the protests, which drew tens of thousands of people.",
        [],
    ),
    (
        "10 affected",
        "The floods killed nearly 2,000 people and affected 20 million.",
        [("deaths", 2000, "about", "people")],
    ),
    (
        "11 vague and scaled",
        "Dozens were injured, hundreds were arrested and some 1.2m people fled.",
        [
            ("injuries", 24, "vague", ""),
            ("arrests", 200, "vague", ""),
            ("displaced", 1_200_000, "about", "people"),
        ],
    ),
    (
        "11 strong",
        "A 4,000-strong force was sent to the border.",
        [("troops", 4000, "exact", "force")],
    ),
    (
        "11 range",
        "Between 20 and 30 people were killed; 40-50 more were wounded.",
        [("deaths", 20, "at_least", "people"), ("injuries", 40, "at_least", "")],
    ),
    (
        "12 perpetrator vs victim",
        "Gunmen killed 12 villagers, and three attackers were killed.",
        [("deaths", 12, "exact", "villagers"), ("deaths", 3, "exact", "attackers")],
    ),
    (
        "12 speaker",
        "Police said two officers were wounded.",
        [("injuries", 2, "exact", "officers")],
    ),
    (
        "13 headline",
        "Quake: 300 dead\nCasualties: 12 dead, 40 injured.",
        [("deaths", 300, "exact", ""), ("deaths", 12, "exact", ""), ("injuries", 40, "exact", "")],
    ),
    ("14 brigades", "The army sent two brigades to the north.", []),
    (
        "14 additional",
        "The government sent an additional 1,500 troops.",
        [("troops", 1500, "exact", "troops")],
    ),
    ("14 withdrawn", "About 2,000 troops were withdrawn from the area.", []),
    (
        "15 arrest forms",
        "Police detained 14 people and rounded up 30 more; 6 suspects were taken into custody.",
        [
            ("arrests", 14, "exact", "people"),
            ("arrests", 30, "exact", ""),
            ("arrests", 6, "exact", "suspects"),
        ],
    ),
    ("15 wanted", "Police said 5 suspects were still wanted and 3 were sought.", []),
    ("9 age range", "The freed students, aged between 12 and 17, were taken to hospital.", []),
    ("9 ships", "The navy has deployed two more ships and an aircraft.", []),
    (
        "12 bodies are deaths",
        "An official said at least 38 bodies had been taken to the hospital.",
        [("deaths", 38, "at_least", "bodies")],
    ),
    (
        "12 adjective who",
        "He helped carry a dozen injured neighbours to cars.",
        [("injuries", 12, "about", "injured neighbours")],
    ),
    (
        "13 list labels",
        "Injured: 71. Dead: 23. Missing: 4.",
        [("injuries", 71, "exact", ""), ("deaths", 23, "exact", ""), ("missing", 4, "exact", "")],
    ),
    (
        "1 inverted total",
        "Four soldiers died of their wounds, bringing to 58 the number of troops killed.",
        [("deaths", 4, "exact", "soldiers"), ("deaths", 58, "exact", "")],
    ),
    (
        "15 count nouns and shared object",
        "Police made 45 arrests; officers also arrested eight men and two women.",
        [
            ("arrests", 45, "exact", ""),
            ("arrests", 8, "exact", "men"),
            ("arrests", 2, "exact", "women"),
        ],
    ),
    (
        "14 of-phrase subject",
        "The first 800 soldiers of a multinational force arrived on Monday.",
        [("troops", 800, "exact", "soldiers")],
    ),
    (
        "12 relative clause",
        "Three men who killed 12 people were arrested; two hikers who were near the crater "
        "are missing.",
        [
            ("arrests", 3, "exact", "men"),
            ("deaths", 12, "exact", "people"),
            ("missing", 2, "exact", "hikers"),
        ],
    ),
    (
        "12 adjectives and nouns of killing",
        "The killing of 3 activists angered many; the 27 arrested men appear in court.",
        [("deaths", 3, "exact", "activists"), ("arrests", 27, "exact", "arrested men")],
    ),
    ("7 killed or wounded", "About 150 soldiers were killed or wounded in the battle.", []),
    ("8 returning refugees", "About 25,000 refugees have returned home since the truce.", []),
    ("17 brackets", "[1][2][3] (((( 12 )))) <div><p>unclosed", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hard_case(case, text, expected):
    got = [(f.category, f.value, f.approx, f.who) for f in extract_facts(text)]
    assert got == expected


def test_breakdown_links_to_total():
    facts = extract_facts("An air strike killed at least 22 people, including 9 children.")
    assert [(f.value, f.part_of) for f in facts] == [(22, None), (9, 0)]


def test_breakdown_after_a_reporting_clause_belongs_to_the_main_figure():
    facts = extract_facts(
        "At least 18 people were killed and dozens wounded, officials said, including 4 children."
    )
    assert [(f.category, f.value, f.part_of) for f in facts] == [
        ("deaths", 18, None),
        ("injuries", 24, None),
        ("deaths", 4, 0),
    ]


def test_included_breakdown():
    facts = extract_facts("The 300 dead included 40 children.")
    assert [(f.category, f.value, f.who, f.part_of) for f in facts] == [
        ("deaths", 300, "", None),
        ("deaths", 40, "children", 0),
    ]


def test_of_them_breakdown_across_sentences():
    facts = extract_facts("Gunmen killed 12 villagers. Five of the victims were children.")
    assert [(f.category, f.value, f.part_of) for f in facts] == [
        ("deaths", 12, None),
        ("deaths", 5, 0),
    ]


def test_repeated_and_updated_figures_summarise_to_the_current_toll():
    text = (
        "At least 18 people were killed in the quake. The death toll rose to 45 on Thursday. "
        "Officials said 45 people were killed, including 10 children."
    )
    summary = summarize(extract_facts(text))
    deaths = summary.categories[0]
    assert deaths.category == "deaths"
    assert (deaths.headline.value, deaths.headline.raw) == (45, "45")
    assert [f.value for f in deaths.mentions] == [18, 45, 45, 10]
    assert summary.badges()[0].value == 45


@pytest.mark.parametrize(
    "text",
    [
        "The summit on March 14, 2026 at 10:30 a.m. gathered the G7 and six countries.",
        "Inflation fell to 4.2% and the budget is $2.5 billion, or 3 percent of GDP.",
        "About 10,000 people marched peacefully; organisers said 150,000 took part.",
        "COVID-19 cases rose, and Article 5 was invoked for the second time since 1949.",
        "The 180-day plan covers 14 organisations and 27 member states.",
        "The convoy travelled 450 km in 36 hours.",
    ],
)
def test_not_facts(text):
    assert extract_facts(text) == ()
