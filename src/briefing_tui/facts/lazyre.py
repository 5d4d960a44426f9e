"""Regular expressions compiled on first use.

Compiling the extractor's ~40 patterns takes about 20 ms, more than everything else in
``import briefing_tui.facts``.  The app imports the package at start-up but extracts facts
only later, in a worker, so the compilation moves to the first use: the placeholder compiles
its pattern once and puts the compiled one in its module, so later lookups cost nothing.
"""

from __future__ import annotations

import re
import sys


class LazyPattern:
    __slots__ = ("_module", "_name", "_source", "_flags")

    def __init__(self, module: str, name: str, source: str, flags: int = 0) -> None:
        self._module, self._name, self._source, self._flags = module, name, source, flags

    def __getattr__(self, attribute: str):  # noqa: ANN204 - whatever re.Pattern has
        compiled = re.compile(self._source, self._flags)
        setattr(sys.modules[self._module], self._name, compiled)
        return getattr(compiled, attribute)


def lazy(module: str, name: str, source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, deferred until ``module.name`` is first used."""
    return LazyPattern(module, name, source, flags)  # type: ignore[return-value]
