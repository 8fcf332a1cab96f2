"""Pure computation over a plan: where each cell sits, every derived value, the reverse funnel.

No file, no print, no Office library: the same code serves the CLI, the ribbon and the tests.
"""
