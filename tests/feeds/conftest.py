"""Fixtures for the feed tests: a loopback HTTP server (tests/httpserver.py) per test."""

from __future__ import annotations

import pytest
from httpserver import LoopbackServer, serve


@pytest.fixture
def http_server() -> LoopbackServer:
    with serve() as server:
        yield server
