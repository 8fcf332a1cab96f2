"""What a plan is, declared once: tabs, tables, fields, labels FR/EN, units, derived metrics.

Every other layer (builder, readers, JSON, checks, deck) walks these declarations, so a
field or a metric added here appears everywhere. Pure: no file, no I/O.
"""
