"""Phrasings added after blind6 (deployments, displacement, arrests, deaths), one row each.

Each row is a sentence unlike any gold text, so a pass means the general rule works, not that
a gold sentence is remembered.  Negative rows guard the precision side of the same rules.
"""

import pytest

from briefing_tui.facts import extract_facts

# (case, text, expected facts as (category, value, approx, who))
CASES = [
    (
        "'N of them' in the next sentence",
        "Police arrested 40 people after the clashes. Nine of them have since been charged.",
        [("arrests", 40, "exact", "people"), ("arrests", 9, "exact", "")],
    ),
    (
        "rose by N to M (update)",
        "The death toll rose by 5 to 40 on Sunday, officials said.",
        [("deaths", 40, "exact", "")],
    ),
    (
        "battalion of",
        "The army sent a battalion of 450 soldiers to the port city.",
        [("troops", 450, "exact", "soldiers")],
    ),
    (
        "brigade of",
        "A brigade of 3,000 troops was moved to the frontier overnight.",
        [("troops", 3000, "exact", "troops")],
    ),
    (
        "reinforcements",
        "The ministry has sent 1,200 reinforcements to the besieged garrison.",
        [("troops", 1200, "exact", "reinforcements")],
    ),
    (
        "sent in",
        "The government sent in 900 riot police after the protest turned violent.",
        [("troops", 900, "exact", "riot police")],
    ),
    (
        "called up",
        "The defence minister called up 20,000 reservists on Monday.",
        [("troops", 20000, "exact", "reservists")],
    ),
    (
        "into the city",
        "The governor ordered 350 soldiers into the capital on Sunday.",
        [("troops", 350, "exact", "soldiers")],
    ),
    (
        "flown into",
        "About 200 marines were flown into the island to secure the airport.",
        [("troops", 200, "about", "marines")],
    ),
    (
        "two forces",
        "The navy deployed 800 sailors and marines to the coast.",
        [("troops", 800, "exact", "sailors and marines")],
    ),
    (
        "in all",
        "Some 600 soldiers in all were deployed along the river.",
        [("troops", 600, "about", "soldiers")],
    ),
    (
        "succumbed",
        "Four more patients succumbed to their wounds on Tuesday.",
        [("deaths", 4, "exact", "more patients")],
    ),
    (
        "succumbed after of-phrase",
        "Two survivors of Monday's mine blast succumbed overnight.",
        [("deaths", 2, "exact", "survivors")],
    ),
    (
        "confirmed deaths reached",
        "The number of confirmed deaths has reached 73, officials said.",
        [("deaths", 73, "exact", "")],
    ),
    (
        "apprehended",
        "Customs officers apprehended 9 suspected traffickers at the border.",
        [("arrests", 9, "exact", "suspected traffickers")],
    ),
    (
        "apprehended passive",
        "Eleven men were apprehended near the station.",
        [("arrests", 11, "exact", "men")],
    ),
    (
        "under arrest",
        "Twenty protesters were placed under arrest outside the ministry.",
        [("arrests", 20, "exact", "protesters")],
    ),
    (
        "whereabouts",
        "The whereabouts of 14 fishermen are still unknown.",
        [("missing", 14, "exact", "fishermen")],
    ),
    (
        "had to leave their homes",
        "About 9,000 people had to leave their homes when the river rose.",
        [("displaced", 9000, "about", "people")],
    ),
    (
        "moved to safety",
        "More than 500 residents were moved to safety by boat.",
        [("displaced", 500, "more_than", "residents")],
    ),
    (
        "sheltering in",
        "Some 1,800 villagers are sheltering in schools and mosques.",
        [("displaced", 1800, "about", "villagers")],
    ),
    (
        "refugees in the past week",
        "About 7,000 refugees arrived in Dorn in the past week.",
        [("displaced", 7000, "about", "refugees")],
    ),
    (
        "among the dead",
        "Police said 3 officers were among the dead.",
        [("deaths", 3, "exact", "officers")],
    ),
    (
        "in police custody",
        "Nine suspects are in police custody.",
        [("arrests", 9, "exact", "suspects")],
    ),
    (
        "jailed",
        "At least 45 journalists are jailed in the country.",
        [("arrests", 45, "at_least", "journalists")],
    ),
    (
        "massed",
        "The army has massed 40,000 troops near the border.",
        [("troops", 40000, "exact", "troops")],
    ),
    (
        "on the ground",
        "Some 3,000 troops are now on the ground in the province.",
        [("troops", 3000, "about", "troops")],
    ),
    (
        "redeployed",
        "Officials said 1,300 soldiers had been redeployed to the north.",
        [("troops", 1300, "exact", "soldiers")],
    ),
    (
        "entered",
        "About 600 troops entered the enclave on Monday.",
        [("troops", 600, "about", "troops")],
    ),
    (
        "without shelter",
        "The storm left 3,000 people without shelter.",
        [("displaced", 3000, "exact", "people")],
    ),
    (
        "remain in shelters",
        "About 700 people remain in shelters.",
        [("displaced", 700, "about", "people")],
    ),
    (
        "phrase before the verb",
        "Two soldiers on patrol were killed by a roadside bomb.",
        [("deaths", 2, "exact", "soldiers")],
    ),
    (
        "participle before the verb",
        "Three police officers guarding the embassy were wounded.",
        [("injuries", 3, "exact", "police officers")],
    ),
    (
        "forced to leave",
        "Some 900 villagers have been forced to leave their homes.",
        [("displaced", 900, "about", "villagers")],
    ),
    (
        "moved out of",
        "More than 4,000 people were moved out of the danger zone.",
        [("displaced", 4000, "more_than", "people")],
    ),
    # precision guards for the same rules
    (
        "thousands comma is no clause break",
        "A flood could kill 20,000 people and leave 3 million homeless.",
        [],
    ),
    ("rate, not a count", "The number of refugees arriving rose to 2,000 a day.", []),
    (
        "crossing without a subject of flight",
        "Trucks with aid for 90,000 people crossed into the valley.",
        [],
    ),
    ("in the past is background", "In the past, floods in the valley displaced 40,000 people.", []),
    ("firefighters are no force", "Some 2,000 firefighters were deployed to the blaze.", []),
    (
        "passengers and crew",
        "There were no casualties among the 300 passengers and crew, who were evacuated.",
        [],
    ),
    ("jailed for a term is a sentence", "Four men were jailed for 10 years on Monday.", []),
    (
        "in shelters, then hurt",
        "Six people in shelters were hurt when the roof collapsed.",
        [("injuries", 6, "exact", "people")],
    ),
    (
        "refugees are no force",
        "Thousands of refugees poured into the town.",
        [("displaced", 2000, "vague", "refugees")],
    ),
    (
        "a framed force still to leave",
        "A battalion of 500 soldiers is expected to leave for the mission in June.",
        [],
    ),
    ("a framed force still to arrive", "A contingent of 300 police officers will arrive soon.", []),
    (
        "an existing force's future acts",
        "The 5,000-member force will be led by Tesland.",
        [("troops", 5000, "exact", "force")],
    ),
    (
        "a drill is not an evacuation",
        "Police held a drill on Friday, simulating the evacuation of 5,000 residents.",
        [],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_phrasing(case, text, expected):
    got = [(f.category, f.value, f.approx, f.who) for f in extract_facts(text)]
    assert got == expected, case
