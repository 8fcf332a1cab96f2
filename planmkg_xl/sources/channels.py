"""Which column of the Canaux tab a sales-channel value of an export goes to.

The seed splits last year's revenue by offer line and sales channel, direct (key
accounts, SMB, inside sales, online) and indirect (distributors, integrators, agencies,
ISVs, others), to see how dependent the plan is on partners. CRMs hold that channel in
a field of their own making (no default deal field carries it: docs/import.md), so the
values vary: the synonyms live in ``channels.toml`` (data, in French and English), a
mapping file adds its own (``[channels]``), and nothing is guessed — an unknown value
is skipped and reported unless the mapping names a column for unknown values
(``channel_unknown``).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..model.kpi_tabs import CHANNELS_DIRECT, CHANNELS_INDIRECT
from .presets import Preset, normalise, tomllib

CHANNEL_KEYS = tuple(k for k, _ in CHANNELS_DIRECT + CHANNELS_INDIRECT)
_LABELS = dict(CHANNELS_DIRECT + CHANNELS_INDIRECT)


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Normalised channel value -> column key: the tab's own labels (FR/EN), then ``channels.toml``."""
    out = {}
    for key, label in _LABELS.items():
        out[normalise(label.fr)] = key
        out[normalise(label.en)] = key
    data = tomllib.loads(resources.files(__package__).joinpath("channels.toml").read_text(encoding="utf-8"))
    for key, values in data["channels"].items():
        if key not in _LABELS:
            raise ValueError(f"channels.toml: {key} is not a column of the Canaux tab")
        for value in values:
            out.setdefault(normalise(value), key)
    return out


def channel_of(value: object, preset: Preset) -> str | None:
    """The column a value goes to: the mapping's own words first, then the shipped ones; an unknown (or empty)
    value goes to ``preset.channel_unknown`` when the mapping names one, else nowhere (None: skipped, reported)."""
    text = normalise(value) if value is not None and value == value else ""
    if not text:
        return None
    return preset.channels.get(text) or synonyms().get(text) or preset.channel_unknown


def label(key: str, lang: str) -> str:
    return _LABELS[key](lang)
