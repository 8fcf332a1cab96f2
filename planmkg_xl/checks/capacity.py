"""Channel capacity: what each channel's own volumes and yields can produce vs the target stated for it (issue 8).

The seed asks for a number of leads per channel (slide "Channel strategy") and lists
the channel metrics a plan targets (slide "Lead generation strategy": web unique
visitors, web leads, emailing CTR, contacts with an email, webinar attendees). With the
plan's N-1 yields (Web, Emailing and Events tabs) those volumes imply a number of leads:
- CAP-001 web: target traffic (an objective on web visits, else the Stratégie sheet's
  web unique visitors target) × N-1 web leads per visit (per unique visitor), adjusted by
  the assumed landing-page conversion N over N-1 → web leads, vs the web-leads target
  (an objective on web leads, else the Stratégie sheet's target);
- CAP-002 emailing: contacts with an email N (Stratégie sheet) × sends per contact N
  (assumed, else N-1) × N-1 delivery rate × CTR N (objective, else Stratégie target,
  else N-1) × N-1 leads per click → emailing leads, vs the emailing-leads target
  (Lead generation tab, channels block);
- CAP-003 events: target attendees × N-1 leads per attendee → event leads, vs the
  event-leads target (same block).
A target above what the channel can produce is a warning or an error (tolerance band);
a target well below it is information (resources left idle). Any missing volume, yield
or target: no finding.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model.findings import CellRef, Finding, Severity
from ._common import Ctx, finding, num, scalar_cell, total_cell
from .stated import strategy_metric


@dataclass(frozen=True)
class Figure:
    value: float
    cell: CellRef
    where: tuple[str, str]  # how the message names it (fr, en)


def _objective(ctx: Ctx, metric: str) -> Figure | None:
    """A whole-funnel objective on ``metric`` first, else any objective on it with a target."""
    candidates = ctx.whole_scope(metric) or ctx.objectives(metric)
    for o in candidates:
        target = num(o.row.get("target"))
        if target:
            return Figure(target, o.cell("target"), (f"objectif {o.id}", f"objective {o.id}"))
    return None


def _compare(ctx: Ctx, rule_id: str, implied: float, stated: Figure, how: tuple[str, str], channel: tuple[str, str],
             cells: tuple[CellRef, ...], **data) -> list[Finding]:
    if not implied:
        return []
    ratio = stated.value / implied - 1
    if abs(ratio) <= ctx.tol_ok + 1e-12:
        return []
    severity = ctx.band(ratio) if ratio > 0 else Severity.INFO
    gap = ctx.gap(ctx.signed_count(stated.value - implied), ratio)
    if ratio > 0:
        verdict = ctx.t(f"l'objectif dépasse ce que le canal peut produire de {gap} : augmentez les volumes ou revoyez l'objectif.",
                        f"the target exceeds what the channel can produce by {gap}: raise the volumes or revisit the target.")
    else:
        verdict = ctx.t(f"l'objectif est en deçà de ce que le canal peut produire ({gap}) : volumes à réduire ou objectif à relever.",
                        f"the target is below what the channel can produce ({gap}): volumes to cut or target to raise.")
    return [finding(rule_id, severity, ctx.t(
        f"{channel[0]} : {how[0]} donnent {ctx.count(implied)} leads ; objectif {ctx.count(stated.value)} ({stated.where[0]}) ; " + verdict,
        f"{channel[1]}: {how[1]} give {ctx.count(implied)} leads; target {ctx.count(stated.value)} ({stated.where[1]}); " + verdict),
        (stated.cell,) + cells, implied=implied, stated=stated.value, gap_pct=ratio, **data)]


VISITS = (("visites", "visits"), ("visiteurs uniques", "unique visitors"))


def _traffic(ctx: Ctx) -> tuple[Figure, float, tuple[str, str]] | None:
    """(target traffic, its N-1 value, its measure's name) in the same measure: visits, else unique visitors."""
    visits = _objective(ctx, "web_visits")
    if visits and ctx.total("web", "visits"):
        return visits, ctx.total("web", "visits"), VISITS[0]
    unique = _objective(ctx, "web_unique_visitors")
    stated = strategy_metric(ctx, "web_unique_visitors")
    if unique is None and stated and stated.target:
        unique = Figure(stated.target, stated.cell("target"), ("onglet Stratégie", "Strategy tab"))
    prev = ctx.scalar("web_annual_unique_visitors") or (stated.value_prev if stated else None)
    if unique and prev:
        return unique, prev, VISITS[1]
    return None


def check_web(ctx: Ctx) -> list[Finding]:
    """CAP-001: target traffic × N-1 web leads per visit (× assumed landing-page conversion change) vs the web-leads target."""
    traffic = _traffic(ctx)
    leads_prev = ctx.total("web", "web_leads")
    stated = _objective(ctx, "web_leads")
    if stated is None:
        row = strategy_metric(ctx, "web_leads")
        if row and row.target:
            stated = Figure(row.target, row.cell("target"), ("onglet Stratégie", "Strategy tab"))
    if traffic is None or not leads_prev or stated is None:
        return []
    target, prev, (measure_fr, measure_en) = traffic
    per_visit = leads_prev / prev
    assumed, lp_prev = ctx.scalar("target_landing_conversion_rate"), ctx.total("web", "landing_conversion_rate")
    change = assumed / lp_prev if assumed and lp_prev else 1.0
    implied = target.value * per_visit * change
    how = (f"{ctx.count(target.value)} {measure_fr} ({target.where[0]}) à {ctx.number(per_visit * 100, 2)} leads pour 100 "
           f"{measure_fr} (N-1)",
           f"{ctx.count(target.value)} target {measure_en} ({target.where[1]}) at {ctx.number(per_visit * 100, 2)} leads per 100 "
           f"{measure_en} (N-1)")
    if change != 1.0:
        how = (how[0] + f" et une conversion des landing pages de {ctx.pct(assumed)} (N-1 : {ctx.pct(lp_prev)})",
               how[1] + f" and a {ctx.pct(assumed)} landing-page conversion (N-1: {ctx.pct(lp_prev)})")
    return _compare(ctx, "CAP-001", implied, stated, how, ("Web", "Web"), (target.cell, total_cell("web", "web_leads")),
                    traffic=target.value, measure=measure_en, leads_per_visit=per_visit, conversion_change=change)


def check_emailing(ctx: Ctx) -> list[Finding]:
    """CAP-002: contacts × sends per contact × delivery × CTR × leads per click vs the emailing-leads target."""
    target = ctx.scalar("target_email_leads")
    contacts = strategy_metric(ctx, "email_contacts")
    sent, delivered = ctx.total("emailing", "sent"), ctx.total("emailing", "delivered")
    clicks, leads = ctx.total("emailing", "unique_clicks"), ctx.total("emailing", "leads")
    if not target or contacts is None or not contacts.target or not sent or not delivered or not clicks or leads is None:
        return []
    per_contact = ctx.scalar("target_email_sends_per_contact")
    per_contact_cell = scalar_cell("target_email_sends_per_contact")
    if not per_contact:
        if not contacts.value_prev:
            return []
        per_contact, per_contact_cell = sent / contacts.value_prev, contacts.cell("value_prev")
    ctr_objective = _objective(ctx, "email_ctr")
    strategy_ctr = strategy_metric(ctx, "email_ctr")
    if ctr_objective:
        ctr, ctr_cell = ctr_objective.value, ctr_objective.cell
    elif strategy_ctr and strategy_ctr.target:
        ctr, ctr_cell = strategy_ctr.target, strategy_ctr.cell("target")
    else:
        ctr, ctr_cell = delivered and clicks / delivered, total_cell("emailing", "click_rate")
    emails = contacts.target * per_contact
    implied = emails * (delivered / sent) * ctr * (leads / clicks)
    stated = Figure(target, scalar_cell("target_email_leads"), ("onglet Lead generation", "Lead generation tab"))
    how = (f"{ctx.count(contacts.target)} contacts × {ctx.number(per_contact, 1)} envois ({ctx.count(emails)} emails), "
           f"{ctx.pct(delivered / sent)} délivrés, un CTR de {ctx.pct(ctr)} et {ctx.number(leads / clicks * 100, 1)} leads pour 100 clics (N-1)",
           f"{ctx.count(contacts.target)} contacts × {ctx.number(per_contact, 1)} sends ({ctx.count(emails)} emails), "
           f"{ctx.pct(delivered / sent)} delivered, a {ctx.pct(ctr)} CTR and {ctx.number(leads / clicks * 100, 1)} leads per 100 clicks (N-1)")
    return _compare(ctx, "CAP-002", implied, stated, how, ("Emailing", "Emailing"),
                    (contacts.cell("target"), per_contact_cell, ctr_cell, total_cell("emailing", "leads")),
                    emails=emails, ctr=ctr, leads_per_click=leads / clicks)


def check_events(ctx: Ctx) -> list[Finding]:
    """CAP-003: target attendees × N-1 leads per attendee vs the event-leads target."""
    attendees, target = ctx.scalar("target_event_attendees"), ctx.scalar("target_event_leads")
    prev_attendees, prev_leads = ctx.total("events", "attendees"), ctx.total("events", "leads")
    if not attendees or not target or not prev_attendees or prev_leads is None:
        return []
    rate = prev_leads / prev_attendees
    stated = Figure(target, scalar_cell("target_event_leads"), ("onglet Lead generation", "Lead generation tab"))
    how = (f"{ctx.count(attendees)} participants visés à {ctx.pct(rate)} de leads par participant (N-1)",
           f"{ctx.count(attendees)} target attendees at {ctx.pct(rate)} leads per attendee (N-1)")
    return _compare(ctx, "CAP-003", rate * attendees, stated, how, ("Événements", "Events"),
                    (scalar_cell("target_event_attendees"), total_cell("events", "leads"), total_cell("events", "attendees")),
                    attendees=attendees, leads_per_attendee=rate)
