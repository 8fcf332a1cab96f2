"""Exports in: CRM, analytics, emailing, invoicing files read into the plan's numbers.

The only room where pandas is imported (lazily, on the import path). Each export format
is a preset, a TOML data file in ``presets/``: which headers mean which field. Readers
turn a file into typed columns; aggregators turn them into table rows; the pure
``core.imports`` decides which cells change.
"""
