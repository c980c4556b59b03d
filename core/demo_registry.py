"""The demo (``manage.py load_demo``): each app registers what it adds to it from its
``AppConfig.ready()``, and the contributions load in the order of INSTALLED_APPS, so later apps
build on earlier ones. An app's demo content is data files next to its loader (``<app>/demo/``)."""

from collections.abc import Callable
from pathlib import Path

import yaml
from django.apps import apps

# ``load(password=...)`` creates what is missing (never a duplicate) and returns the demo logins
# it made, as (e-mail, role).
Loader = Callable[..., list[tuple[str, str]]]

_loaders: dict[str, Loader] = {}


def register(app_label: str, load: Loader) -> None:
    """Add an app's contribution to the demo (again for the same app: replace it)."""
    _loaders[app_label] = load


def registered() -> list[str]:
    """The labels of the apps that contribute to the demo, in the order they load."""
    return [config.label for config in apps.get_app_configs() if config.label in _loaders]


def load_all(*, password: str) -> list[tuple[str, str]]:
    """Run every registered contribution, in the order the apps are installed."""
    logins: list[tuple[str, str]] = []
    for label in registered():
        logins += _loaders[label](password=password)
    return logins


def read(loader_file: str, name: str):
    """A data file of the demo folder that holds ``loader_file``: YAML, read safely (an unquoted
    ``2025-03-14`` becomes a ``datetime.date``)."""
    return yaml.safe_load((Path(loader_file).parent / name).read_text(encoding="utf-8"))


def read_bytes(loader_file: str, name: str) -> bytes:
    """A file of the demo folder that holds ``loader_file``, as it is (an upload's content)."""
    return (Path(loader_file).parent / name).read_bytes()
