"""User settings from `config.toml` (see paths.py for where it is looked for).

The file is optional; every key has a default.  Unknown keys and wrong types are errors that
name the file and the key (with a close-match hint), because a silently ignored typo is a
setting the user believes is on.  Syntax errors name the file and line.

    [general]   theme, refresh_interval_minutes, auto_refresh, sample_when_empty
    [fetch]     concurrency, per_host, connect_timeout, read_timeout, deadline, max_bytes,
                user_agent
    [retention] max_articles_per_feed, max_age_days   (0 = keep everything)
    [keys]      action-id = "key[,key]"  (see the help screen for the ids)
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from briefing_tui.errors import ConfigError


@dataclass(frozen=True, slots=True)
class FetchSettings:
    concurrency: int = 16
    per_host: int = 4
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 45.0
    """Overall seconds per feed, whatever the server does (slow-drip bodies included)."""
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = ""


@dataclass(frozen=True, slots=True)
class RetentionSettings:
    max_articles_per_feed: int = 0
    max_age_days: int = 0


@dataclass(frozen=True, slots=True)
class GeneralSettings:
    theme: str = "textual-dark"
    refresh_interval_minutes: int = 30
    auto_refresh: bool = True
    sample_when_empty: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    retention: RetentionSettings = field(default_factory=RetentionSettings)
    keys: dict[str, str] = field(default_factory=dict)


_SECTIONS = {"general": GeneralSettings, "fetch": FetchSettings, "retention": RetentionSettings}


def load_settings(path: Path) -> Settings:
    """Read `path`; a missing file gives the defaults."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: config is not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{path}: invalid TOML: {exc}; fix that line or move the file aside"
        ) from exc
    return parse_settings(data, str(path))


def parse_settings(data: dict[str, Any], source: str = "config.toml") -> Settings:
    settings = Settings()
    for section, value in data.items():
        if section == "keys":
            settings = replace(settings, keys=_parse_keys(value, source))
            continue
        cls = _SECTIONS.get(section)
        if cls is None:
            hint = _hint(section, [*_SECTIONS, "keys"])
            raise ConfigError(f"{source}: unknown section [{section}]{hint}; fix or remove it")
        if not isinstance(value, dict):
            raise ConfigError(f"{source}: [{section}] must be a table")
        settings = replace(settings, **{section: _parse_section(cls, section, value, source)})
    return settings


def _parse_section(cls: type, section: str, values: dict[str, Any], source: str) -> Any:
    known = {f.name: f for f in fields(cls)}
    defaults = cls()
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            hint = _hint(key, known) or f" (known: {', '.join(known)})"
            raise ConfigError(f"{source}: unknown key {section}.{key}{hint}; fix or remove it")
        expected = type(getattr(defaults, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if type(value) is not expected:
            raise ConfigError(
                f"{source}: {section}.{key} must be {expected.__name__}, got {type(value).__name__}"
            )
        if expected in (int, float) and value < 0:
            raise ConfigError(f"{source}: {section}.{key} must not be negative")
        kwargs[key] = value
    return cls(**kwargs)


def _parse_keys(value: Any, source: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ConfigError(f'{source}: [keys] entries must be action = "key"')
    return dict(value)


def _hint(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
