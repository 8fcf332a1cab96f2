"""The kinds of export the import understands and the fields each one carries.

A preset (or the user's mapping) says which header holds which field; the reader
parses each field by its type. ``required`` lists groups: one field of each group
must be present (a deals export needs a stage *or* a status).
"""
from __future__ import annotations

from dataclasses import dataclass

TEXT, MONEY, COUNT, NUMBER, DATE, MONTH, RATE = "text", "money", "count", "number", "date", "month", "rate"


@dataclass(frozen=True)
class KindSpec:
    key: str
    fields: dict[str, str]  # field -> type
    required: tuple[tuple[str, ...], ...]
    id_field: str | None = None  # duplicates of it are an error
    fr: str = ""
    en: str = ""
    unread: tuple[str, ...] = ()  # fields a preset names (so headers are recognised) that no figure uses: a CSV reader skips them
    signed: tuple[str, ...] = ()  # numbers that may be negative (an invoice's credit note); any other negative is refused on its line


KINDS: dict[str, KindSpec] = {k.key: k for k in (
    KindSpec("deals", {"id": TEXT, "name": TEXT, "stage": TEXT, "status": TEXT, "amount": MONEY, "close_date": DATE,
                       "created": DATE, "line": TEXT, "customer": TEXT, "currency": TEXT, "source": TEXT, "channel": TEXT},
             (("amount",), ("close_date",), ("stage", "status")), "id",
             "opportunités (étape, montant, date de clôture, ligne d'offre)", "opportunities (stage, amount, close date, offer line)",
             unread=("name", "source")),
    KindSpec("leads", {"id": TEXT, "source": TEXT, "created": DATE, "status": TEXT, "currency": TEXT},
             (("source",), ("created",)), "id",
             "contacts ou leads (source, date de création, statut)", "contacts or leads (source, creation date, status)"),
    KindSpec("web", {"month": MONTH, "users": COUNT, "new_users": COUNT, "sessions": COUNT, "views": COUNT, "bounces": COUNT,
                     "engaged_sessions": COUNT, "bounce_rate": RATE, "conversions": NUMBER, "landing_visits": COUNT, "leads": COUNT},
             (("month",), ("sessions", "users", "views")), None,
             "audience web par mois (utilisateurs, sessions, pages vues…)", "monthly web audience (users, sessions, views…)"),
    KindSpec("emailing", {"id": TEXT, "campaign": TEXT, "date": DATE, "sent": COUNT, "delivered": COUNT, "bounces": COUNT,
                          "hard_bounces": COUNT, "soft_bounces": COUNT, "opens": COUNT, "clicks": COUNT, "unsubscribes": COUNT,
                          "leads": COUNT, "spend": MONEY},
             (("campaign",), ("sent", "delivered")), "id",
             "rapports de campagnes emailing (envoyés, ouvertures, clics…)", "emailing campaign reports (sent, opens, clicks…)"),
    KindSpec("events", {"event": TEXT, "type": TEXT, "date": DATE, "cost": MONEY, "attendees": COUNT, "leads": COUNT,
                        "qualified_leads": COUNT, "opportunities": COUNT, "revenue": MONEY},
             (("event",), ("cost", "attendees", "leads")), None,
             "événements (coût, participants, leads)", "events (cost, attendees, leads)"),
    KindSpec("spend", {"source": TEXT, "date": DATE, "amount": MONEY, "currency": TEXT},
             (("source",), ("amount",)), None, "dépenses par source et par mois", "spend by source and month"),
    KindSpec("invoices", {"id": TEXT, "customer": TEXT, "date": DATE, "amount": MONEY, "currency": TEXT, "line": TEXT,
                          "channel": TEXT},
             (("customer",), ("date",), ("amount",)), "id", "factures (client, date, montant)", "invoices (customer, date, amount)",
             signed=("amount",)),
    KindSpec("kpi-actuals", {"metric": TEXT, "month": MONTH, "value": NUMBER},
             (("metric",), ("month",), ("value",)), None, "réalisés des KPI (métrique, mois, valeur)", "KPI actuals (metric, month, value)"),
)}
