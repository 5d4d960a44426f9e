"""The SQLite article cache: the user's data (read state, stars), so it is never discarded."""

from briefing_tui.store.store import Store

__all__ = ["Store"]
