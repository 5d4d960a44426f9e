"""The working record of one figure while a sentence is being read."""

from __future__ import annotations


class Mention:
    """One figure of a sentence while it is being classified (offsets within the sentence)."""

    __slots__ = (
        "lead", "start", "end", "value", "approx", "vague", "who", "who_end", "person",
        "category", "trigger_end", "part_of", "from_shared_verb", "from_object_verb",
    )  # fmt: skip

    def __init__(self, lead: int, start: int, end: int, value: int, approx: str, vague: bool):
        self.lead = lead  # start of the raw phrase (hedge included)
        self.start = start  # start of the first number
        self.end = end  # end of the raw phrase
        self.value, self.approx, self.vague = value, approx, vague
        self.who, self.who_end, self.person = "", 0, False
        self.category: str | None = None
        self.trigger_end = 0
        self.part_of: Mention | None = None
        self.from_shared_verb = False  # category from a verb after the subject
        self.from_object_verb = False  # category from a verb before the figure
