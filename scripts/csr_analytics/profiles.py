"""The database connection of a dbt profile, as ``csr-load`` needs it.

The loader reads the same ``profiles.yml`` as dbt: profile name from ``dbt_project.yml``
(``profile:``), the file from ``--profiles-dir``, else ``$DBT_PROFILES_DIR``, else the
current folder, else ``~/.dbt``. String values are rendered with the two Jinja helpers
our profiles use: ``env_var(name, default)`` and the ``as_number`` filter.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

SUPPORTED_TYPES = ("duckdb", "postgres")


class ProfileError(Exception):
    """The profile cannot be found, rendered or used."""


@dataclass(frozen=True)
class Target:
    """One output of the profile: an engine and how to reach it."""

    name: str
    type: str  # duckdb | postgres
    path: str | None = None  # duckdb database file
    host: str | None = None
    port: int | None = None
    user: str | None = None
    password: str | None = None
    dbname: str | None = None

    def describe(self) -> str:
        if self.type == "duckdb":
            return f"duckdb {self.path}"
        return f"postgres {self.user}@{self.host}:{self.port}/{self.dbname}"


def profile_name(project_dir: Path) -> str:
    """The ``profile:`` named in the project's dbt_project.yml."""
    path = project_dir / "dbt_project.yml"
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ProfileError(f"cannot read {path}: {error}") from error
    name = document.get("profile")
    if not name:
        raise ProfileError(f"{path} names no profile")
    return str(name)


def find_profiles_file(profiles_dir: Path | None = None) -> Path:
    """profiles.yml from the given folder, $DBT_PROFILES_DIR, the current folder or ~/.dbt."""
    if profiles_dir is not None:
        candidates = [Path(profiles_dir)]
    elif os.environ.get("DBT_PROFILES_DIR"):
        candidates = [Path(os.environ["DBT_PROFILES_DIR"])]
    else:
        candidates = [Path.cwd(), Path.home() / ".dbt"]
    for folder in candidates:
        path = folder.expanduser() / "profiles.yml"
        if path.is_file():
            return path
    searched = ", ".join(str(folder) for folder in candidates)
    raise ProfileError(f"no profiles.yml found (looked in {searched})")


def _env_var(name: str, default: Any = None) -> str:
    value = os.environ.get(name)
    if value is not None:
        return value
    if default is None:
        raise ProfileError(f"env var required but not provided: {name}")
    return str(default)


def _as_number(value: Any) -> int | float:
    text = str(value).strip()
    try:
        return int(text)
    except ValueError:
        return float(text)


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    environment.globals["env_var"] = _env_var
    environment.filters["as_number"] = _as_number
    return environment


def render(value: Any, environment: jinja2.Environment | None = None) -> Any:
    """Render every string in a YAML value as a Jinja template."""
    environment = environment or _environment()
    if isinstance(value, dict):
        return {key: render(item, environment) for key, item in value.items()}
    if isinstance(value, list):
        return [render(item, environment) for item in value]
    if isinstance(value, str) and ("{{" in value or "{%" in value):
        try:
            return environment.from_string(value).render()
        except jinja2.TemplateError as error:
            raise ProfileError(f"cannot render {value!r}: {error}") from error
    return value


def read_target(
    project_dir: Path, target: str | None = None, profiles_dir: Path | None = None
) -> Target:
    """The target (given, else the profile's default) of the project's profile."""
    name = profile_name(project_dir)
    path = find_profiles_file(profiles_dir)
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ProfileError(f"cannot read {path}: {error}") from error
    profile = document.get(name)
    if not isinstance(profile, dict):
        raise ProfileError(f"{path} has no profile {name!r}")
    target_name = target or render(profile.get("target"))
    outputs = profile.get("outputs") or {}
    if not target_name or target_name not in outputs:
        known = ", ".join(outputs) or "none"
        raise ProfileError(f"profile {name!r} has no target {target_name!r} (targets: {known})")
    return _target(str(target_name), render(outputs[target_name]))


def _target(name: str, output: dict[str, Any]) -> Target:
    engine = str(output.get("type", ""))
    if engine == "duckdb":
        return Target(name=name, type=engine, path=str(output.get("path") or ":memory:"))
    if engine == "postgres":
        try:
            port = int(output.get("port") or 5432)
        except ValueError as error:
            raise ProfileError(f"target {name!r}: port is not a number") from error
        return Target(
            name=name,
            type=engine,
            host=str(output.get("host") or "localhost"),
            port=port,
            user=str(output.get("user") or ""),
            password=str(output.get("password") or ""),
            dbname=str(output.get("dbname") or output.get("database") or ""),
        )
    supported = " or ".join(SUPPORTED_TYPES)
    raise ProfileError(f"target {name!r} has type {engine!r}; csr-load supports {supported}")
