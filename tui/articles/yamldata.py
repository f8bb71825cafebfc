"""YAML for this package: the safe loaders only (libyaml's when built), and its data files."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# Never a full loader: front matter is untrusted input.
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_package_yaml(name: str) -> Any:
    """One of the data files shipped next to this module (``languages.yaml``, …)."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER)
