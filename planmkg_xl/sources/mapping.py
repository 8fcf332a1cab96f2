"""The user's own mapping file (TOML): for an export no preset knows.

    kind = "deals"
    [columns]
    stage = "Étape"
    amount = "Montant HT"
    close_date = "Date de signature"
    [values]
    won = ["Signé"]

``init_mapping`` writes one ready to edit, pre-filled from an export's headers when given.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import PlanError
from .channels import CHANNEL_KEYS
from .kinds import KINDS
from .presets import Preset, detect, normalise, preset_from_dict, presets, tomllib

_FIELD_HELP = {
    "id": "unique id of a row (duplicates are refused) / identifiant unique",
    "name": "deal name / nom de l'affaire", "stage": "pipeline stage / étape", "status": "won/lost/open / statut",
    "amount": "amount / montant", "close_date": "close date / date de clôture", "created": "creation date / date de création",
    "line": "offer line / ligne d'offre", "customer": "customer / client", "currency": "currency code / devise (EUR)",
    "source": "lead source / source du lead", "month": "month (2025-01, 01/2025, janvier…) / mois",
    "users": "users / utilisateurs", "new_users": "new users / nouveaux utilisateurs", "sessions": "sessions / visites",
    "views": "page views / pages vues", "bounces": "bounced sessions / visites rebond", "bounce_rate": "bounce rate / taux de rebond",
    "engaged_sessions": "engaged sessions / sessions avec engagement", "conversions": "conversions, key events / leads web",
    "landing_visits": "landing-page visits", "leads": "leads", "campaign": "campaign name / campagne", "date": "date",
    "sent": "sent / envoyés", "delivered": "delivered / délivrés", "hard_bounces": "hard bounces", "soft_bounces": "soft bounces",
    "opens": "unique opens / ouvertures uniques", "clicks": "unique clicks / clics uniques", "unsubscribes": "unsubscribes / désinscrits",
    "spend": "spend / dépense", "event": "event / événement", "type": "event type / type", "cost": "cost / coût",
    "attendees": "attendees / participants", "qualified_leads": "qualified leads / leads qualifiés",
    "opportunities": "opportunities / opportunités", "revenue": "revenue / C.A.", "metric": "KPI name or metric / KPI",
    "value": "value / valeur",
    "channel": "sales channel: fills Canaux / canal de vente : remplit l'onglet Canaux",
}


def load_mapping(path: str | os.PathLike) -> Preset:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PlanError(f"Cannot read the mapping file {path}: {exc.strerror}.") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanError(f"{path.name}: not a valid TOML mapping ({exc}). Start again from `planmkg import --init-mapping {path.name}`.") from exc
    data.setdefault("id", f"mapping:{path.name}")
    data.setdefault("name", f"mapping {path.name}")
    data["specific"] = True
    return preset_from_dict(data, path.name)


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mapping_template(kind: str | None = None, headers: list[str] | None = None) -> str:
    """A mapping file to edit: every field of the kind, pre-filled with the export's matching header."""
    guess = detect(headers, kind) if headers else None
    if kind is None:
        kind = guess[0].kind if guess else "deals"
    matched = guess[1] if guess else {}
    if not matched and headers:  # no complete preset: still pre-fill what the generic preset recognises
        generic = next(p for p in presets() if p.kind == kind and not p.specific)
        matched = generic.match(headers)
    spec = KINDS[kind]
    lines = [
        "# planmkg import mapping — edit, then: planmkg import PLAN.xlsm EXPORT --mapping THIS_FILE",
        "# Header matching ignores case, accents and punctuation.",
        f"# Kinds: {', '.join(KINDS)}",
        f'kind = "{kind}"',
        "",
        "[columns]",
        f"# field = \"header in your file\"; required: {' ; '.join(' or '.join(g) for g in spec.required)}",
    ]
    for fkey in spec.fields:
        help_text = _FIELD_HELP.get(fkey, "")
        if fkey in matched:
            lines.append(f"{fkey} = {_q(matched[fkey])}  # {help_text}")
        else:
            lines.append(f"# {fkey} = \"\"  # {help_text}")
    if headers:
        lines += ["", "# Headers found in the export:"] + [f"#   {h}" for h in headers]
    if kind == "deals":
        lines += ["", "[values]", "# stage or status values meaning won / lost (added to the built-in ones)",
                  '# won = ["Signé", "Closed Won"]', '# lost = ["Perdu"]']
    if kind in ("deals", "invoices"):
        lines += ["", "# Sales channel values -> a column of the Canaux tab (added to the built-in synonyms). Columns:",
                  f"#   {', '.join(CHANNEL_KEYS)}",
                  "# A value known nowhere is skipped and listed, unless channel_unknown names a column for it.",
                  "[channels]", '# channel_unknown = "other_indirect"', '# "Revendeurs Benelux" = "distributors"', '# "Compte clé" = "direct_key_accounts"']
    elif kind == "leads":
        lines += ["", "[values]", "# status values meaning qualified / turned into an opportunity",
                  '# qualified = ["MQL", "SQL"]', '# opportunity = ["Opportunité"]', "",
                  "[sources]", "# export source value = the plan's lead source (its label in the Lead generation tab)",
                  '# "Google Ads" = "SEM"']
    return "\n".join(lines) + "\n"


def known_value(preset: Preset, key: str, value: object) -> bool:
    return normalise(value) in preset.values.get(key, frozenset())
