"""What `recompute` did, told to a person: counts first, cell by cell only on request.

Three different things happen to calculated cells and the user must not confuse them:
formulas *extended* to rows they added (normal life of a table), formulas *repaired*
after someone overwrote or deleted them, and cells *left alone* because recompute could
not be sure they were not typed (the user decides). Formulas are never printed in
full (a total over a long table runs to kilobytes): ``short`` cuts them.

Every sentence is here, French and English side by side, so a message catalogue can
take them over as they are.
"""
from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {  # key: (fr, en)
    "checked": ("{n} cellules calculées vérifiées dans {path}.", "{n} calculated cells checked in {path}."),
    "nothing": ("Rien à changer.", "Nothing to change."),
    "extended": ("{n} formule(s) étendue(s) aux lignes ajoutées ou au tableau agrandi.",
                 "{n} formula(s) extended to added rows or a grown table."),
    "repaired": ("{n} cellule(s) calculée(s) réparée(s) (formule effacée ou remplacée, rétablie).",
                 "{n} calculated cell(s) repaired (formula deleted or overwritten, restored)."),
    "refused": ("{n} cellule(s) laissée(s) telle(s) quelle(s) : recompute ne peut pas être sûr qu'elles ne sont pas saisies.",
                "{n} cell(s) left alone: recompute cannot be sure they were not typed."),
    "more": ("(détail : --verbose)", "(details: --verbose)"),
    "line_extended": ("  {where} : formule étendue", "  {where}: formula extended"),
    "line_repaired": ("  {where} : contenait {was}, formule rétablie", "  {where}: held {was}, formula restored"),
    "line_cleared": ("  {where} : était vide, formule rétablie", "  {where}: was empty, formula restored"),
    "line_refused": ("  {where} : {reason}", "  {where}: {reason}"),
    "and_more": ("  … et {n} autre(s)", "  … and {n} more"),
}

REFUSAL_REASONS: dict[str, tuple[str, str]] = {  # Refusal.reason: (fr, en)
    "beyond": ("au-delà de la dernière ligne ou colonne d'Excel ; corrigez le nom ou la plage du tableau",
               "beyond Excel's last row or column; fix the name or the table's range"),
    "overlap": ("c'est aussi une cellule de saisie (tableaux ou noms déplacés l'un sur l'autre) ; corrigez les plages",
                "it is also an input cell (tables or names moved onto each other); fix the ranges"),
    "table_range": ("la plage du tableau contient sa ligne Total (lignes supprimées ?) ; redimensionnez le tableau "
                    "(Création de tableau > Redimensionner) puis relancez",
                    "the table's range holds its Total row (rows deleted?); resize the table (Table Design > Resize Table), "
                    "then run again"),
    "total_row": ("la ligne Total n'est pas sous le tableau (lignes insérées au-dessus, plage réduite ?) ; "
                  "redimensionnez le tableau pour qu'il finisse juste au-dessus de « Total »",
                  "the Total row is not right under the table (rows inserted above it, range shrunk?); resize the table "
                  "so it ends just above « Total »"),
    "input_format": ("cellule au format de saisie (déverrouillée) : si elle doit être calculée, rendez-lui le format "
                     "d'une cellule calculée puis relancez",
                     "input-cell format (unlocked): if it must be calculated, give it a calculated cell's format, then run again"),
    "other_format": ("elle contient une saisie et n'a pas le format d'une cellule calculée (nom déplacé ?) ; vérifiez "
                     "Formules > Gestionnaire de noms",
                     "it holds typed content and is not formatted like a calculated cell (a name moved?); check Formulas > "
                     "Name Manager"),
    "array": ("fait partie d'une formule matricielle ; supprimez la matrice si la cellule doit être calculée",
              "part of an array formula; delete the array if the cell must be calculated"),
    "shared": ("sa formule est recopiée dans des cellules de saisie ; retapez ces cellules",
               "its formula is shared with input cells; retype those cells"),
}

MAX_SHOWN = 40  # cells listed per group with --verbose
MAX_REFUSED_SHOWN = 5  # refused cells listed without --verbose: the user has to act on them
MAX_FORMULA = 60  # characters of a formula shown


def say(lang: str, key: str, **kw) -> str:
    fr, en = TEXT[key]
    return (fr if lang == "fr" else en).format(**kw)


def reason(lang: str, key: str) -> str:
    fr, en = REFUSAL_REASONS.get(key, (key, key))
    return fr if lang == "fr" else en


def short(text: str, limit: int = MAX_FORMULA) -> str:
    """A cell's former content for one line: quoted, cut with … past ``limit`` characters, no line breaks."""
    flat = " ".join(str(text).split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return f"« {flat} »"


def recompute_lines(report, lang: str, verbose: bool = False) -> list[str]:
    """The report of ``app.recompute`` (or anything with ``derived_cells``, ``repairs``, ``refused``,
    ``changed_parts``, ``path``) as lines in ``lang``."""
    lines = [say(lang, "checked", n=report.derived_cells, path=report.path)]
    extended = [r for r in report.repairs if r.kind == "extended"]
    repaired = [r for r in report.repairs if r.kind != "extended"]
    refused = list(getattr(report, "refused", []) or [])
    groups = [("extended", extended), ("repaired", repaired), ("refused", refused)]
    if not any(items for _, items in groups) and not report.changed_parts:
        lines.append(say(lang, "nothing"))
    for key, items in groups:
        if not items:
            continue
        lines.append(say(lang, key, n=len(items)))
        shown = items[:MAX_SHOWN] if verbose else items[:MAX_REFUSED_SHOWN] if key == "refused" else []
        for item in shown:
            where = f"{item.sheet}!{item.cell}"
            if key == "refused":
                lines.append(say(lang, "line_refused", where=where, reason=reason(lang, item.reason)))
            elif key == "extended":
                lines.append(say(lang, "line_extended", where=where))
            elif item.was:
                lines.append(say(lang, "line_repaired", where=where, was=short(item.was)))
            else:
                lines.append(say(lang, "line_cleared", where=where))
        if shown and len(items) > len(shown):
            lines.append(say(lang, "and_more", n=len(items) - len(shown)))
    if not verbose and any(items for _, items in groups):
        lines.append(say(lang, "more"))
    return lines
