"""briefing-tui: a terminal news reader with a fact sidebar."""

__version__ = "0.1.0"
