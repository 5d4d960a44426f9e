"""Fixtures for CLI tests: run the real `briefing` entry point in the throwaway home."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture
def home(_isolated_home):
    """The BRIEFING_HOME every test gets (tests/conftest.py), created."""
    _isolated_home.mkdir(parents=True, exist_ok=True)
    return _isolated_home


@pytest.fixture
def briefing(home):
    """`briefing(*args, home=..., stdin=...)`: `python -m briefing_tui ARGS` as a subprocess."""

    def run(*args: str, home=home, stdin: str | None = None, timeout: float = 60):
        env = {**os.environ, "BRIEFING_HOME": str(home), "PYTHONIOENCODING": "utf-8"}
        env.pop("NO_COLOR", None)
        return subprocess.run(
            [sys.executable, "-m", "briefing_tui", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
        )

    return run


def parse_json_array(text: str) -> list[dict]:
    data = json.loads(text)
    assert isinstance(data, list), "every --json output is an array"
    assert all(isinstance(item, dict) for item in data), "...of objects"
    return data


@pytest.fixture
def json_array():
    return parse_json_array


def one_error_line(stderr: str, *needles: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("briefing: error:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def error_line():
    return one_error_line
