"""Shared fixtures. Every test runs with a throwaway BRIEFING_HOME so no user data is touched."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("BRIEFING_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return home
