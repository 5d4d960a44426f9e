"""Patterns compile on first use and then replace their placeholder in the module."""

import re
import sys
import types

from briefing_tui.facts.lazyre import LazyPattern, lazy


def test_lazy_pattern_compiles_once_and_replaces_itself(monkeypatch):
    module = types.ModuleType("lazy_probe")
    monkeypatch.setitem(sys.modules, "lazy_probe", module)
    module.WORD = lazy("lazy_probe", "WORD", r"\bkill(?:ed|ing)\b", re.I)
    assert isinstance(module.WORD, LazyPattern)
    assert module.WORD.search("Gunmen KILLED 12").group() == "KILLED"
    assert isinstance(module.WORD, re.Pattern)
    assert module.WORD.search("no match here") is None
