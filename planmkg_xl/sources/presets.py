"""Export formats as data: each preset (``presets/*.toml``) maps headers to fields.

Headers are compared after ``normalise``: case, accents, punctuation and spacing do
not matter, so « Date de clôture », "DATE DE CLOTURE" and "date_de_cloture" are one
header. A user mapping (``mapping.py``) is a preset of the user's own.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .kinds import KINDS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_NON_WORD = re.compile(r"[^0-9a-z%]+")


def normalise(text: object) -> str:
    """A header or value as compared: no accents, no case, words separated by one space."""
    s = unicodedata.normalize("NFKD", str(text))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold().replace("œ", "oe").replace("æ", "ae")
    return _NON_WORD.sub(" ", s).strip()


@dataclass(frozen=True)
class Preset:
    """Which header means which field for one export format, and what its values mean."""

    id: str
    name: str
    kind: str
    documented: str
    columns: dict[str, tuple[str, ...]]
    values: dict[str, frozenset[str]] = field(default_factory=dict)  # won / lost / qualified / opportunity (normalised)
    sources: dict[str, str] = field(default_factory=dict)  # export source value (normalised) -> plan lead source key
    channels: dict[str, str] = field(default_factory=dict)  # sales channel value (normalised) -> Canaux column key
    channel_unknown: str | None = None  # the Canaux column for a channel value known nowhere (None: skipped, reported)
    specific: bool = False
    dayfirst: bool | None = None
    date_format: str | None = None
    converted: frozenset[str] = frozenset()  # amount headers already in the company's currency (normalised)

    def match(self, headers: list[str]) -> dict[str, str]:
        """Field -> the file's header holding it (the first candidate present)."""
        by_norm: dict[str, str] = {}
        for h in headers:
            by_norm.setdefault(normalise(h), h)
        out: dict[str, str] = {}
        for fkey, candidates in self.columns.items():
            for cand in candidates:
                hit = by_norm.get(normalise(cand))
                if hit is not None and hit not in out.values():
                    out[fkey] = hit
                    break
        return out

    def missing(self, matched: dict[str, str]) -> list[tuple[str, ...]]:
        """The required field groups none of whose fields was found."""
        return [group for group in KINDS[self.kind].required if not any(f in matched for f in group)]


def preset_from_dict(data: dict, origin: str) -> Preset:
    """A preset from parsed TOML; ``origin`` names the file in messages."""
    from ..errors import PlanError
    from ..messages import msg

    kind = data.get("kind")
    if kind not in KINDS:
        raise PlanError(msg("src.bad_kind", origin=origin, kind=repr(kind), kinds=", ".join(KINDS)))
    spec = KINDS[kind]
    columns: dict[str, tuple[str, ...]] = {}
    for fkey, value in (data.get("columns") or {}).items():
        if fkey not in spec.fields:
            raise PlanError(msg("src.bad_field", origin=origin, field=fkey, kind=kind, fields=", ".join(spec.fields)))
        columns[fkey] = (value,) if isinstance(value, str) else tuple(str(v) for v in value)
    values = {k: frozenset(normalise(v) for v in vs) for k, vs in (data.get("values") or {}).items()}
    sources = {normalise(k): str(v) for k, v in (data.get("sources") or {}).items()}
    table = dict(data.get("channels") or {})
    unknown = table.pop("channel_unknown", data.get("channel_unknown"))  # in [channels] or at the top of the file
    channels = {normalise(k): _channel_key(v, origin, f"[channels] {k!r}") for k, v in table.items()}
    unknown = None if unknown in (None, "", "skip") else _channel_key(unknown, origin, "channel_unknown")
    converted = frozenset(normalise(v) for v in (data.get("converted") or ()))
    return Preset(str(data.get("id", origin)), str(data.get("name", origin)), kind, str(data.get("documented", "")), columns,
                  values, sources, channels, unknown, bool(data.get("specific", False)), data.get("dayfirst"), data.get("date_format"),
                  converted)


def _channel_key(value: object, origin: str, where: str) -> str:
    """A column of the Canaux tab named in a mapping file: its key (``other_indirect``) or its label, FR or EN."""
    from ..errors import PlanError
    from ..messages import msg
    from ..model.kpi_tabs import CHANNELS_DIRECT, CHANNELS_INDIRECT

    for key, label in CHANNELS_DIRECT + CHANNELS_INDIRECT:
        if normalise(value) in (normalise(key), normalise(label.fr), normalise(label.en)):
            return key
    allowed = ", ".join(k for k, _ in CHANNELS_DIRECT + CHANNELS_INDIRECT)
    raise PlanError(msg("src.bad_channel", origin=origin, where=where, value=repr(value), allowed=allowed))


@lru_cache(maxsize=1)
def presets() -> tuple[Preset, ...]:
    """Every shipped preset: specific formats first, then the generic FR/EN ones."""
    out = []
    for entry in sorted(resources.files(__package__).joinpath("presets").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            out.append(preset_from_dict(tomllib.loads(entry.read_text(encoding="utf-8")), entry.name))
    return tuple(sorted(out, key=lambda p: (not p.specific, p.id)))


def preset(preset_id: str) -> Preset:
    for p in presets():
        if p.id == preset_id:
            return p
    raise KeyError(preset_id)


def detect(headers: list[str], kind: str | None = None) -> tuple[Preset, dict[str, str]] | None:
    """The preset that explains the headers best (all required fields found, most fields matched).

    Specific formats win over the generic ones at equal coverage; ``kind`` restricts the choice.
    """
    best = None
    for p in presets():
        if kind is not None and p.kind != kind:
            continue
        matched = p.match(headers)
        if p.missing(matched):
            continue
        score = (len(matched), p.specific)
        if best is None or score > best[0]:
            best = (score, p, matched)
    return (best[1], best[2]) if best else None
