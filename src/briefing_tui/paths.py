"""Where config and data live.

Order: the `--home DIR` option, then the BRIEFING_HOME environment variable (both put
`config.toml` and `briefing.db` under DIR), then platformdirs (user config dir for config,
user data dir for the database: it holds read state, so it is data, not cache).
Nothing is created at import time; `Paths.ensure()` creates the folders when a command
actually needs them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "briefing-tui"


@dataclass(frozen=True, slots=True)
class Paths:
    config_dir: Path
    data_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def database(self) -> Path:
        return self.data_dir / "briefing.db"

    def ensure(self) -> None:
        self.config_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.mkdir(parents=True, exist_ok=True)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> Paths:
    home = home or os.environ.get("BRIEFING_HOME") or None
    if home:
        root = Path(home).expanduser().resolve()
        return Paths(config_dir=root, data_dir=root)
    import platformdirs

    return Paths(
        config_dir=platformdirs.user_config_path(APP_NAME),
        data_dir=platformdirs.user_data_path(APP_NAME),
    )
