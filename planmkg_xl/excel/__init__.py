"""The Excel front end: what runs while the workbook is OPEN in Excel, through xlwings.

- ``ribbon``: the ribbon's actions (``on_ribbon`` is what the VBA's RunPython calls) and
  ``planmkg excel repair``; the only module here that imports xlwings (lazily).
- ``book``: reading and writing an open Book through the xlwings surface, with the file
  reader's rules and messages (no xlwings import: it receives the Book).
- ``paths``: where files made from an open workbook go (OneDrive/SharePoint URLs).
- ``setup``: ``planmkg excel setup`` — the user's xlwings.conf.
- ``cli``: the ``planmkg excel`` command group.
- ``udfs``: worksheet functions, loaded by xlwings' UDF server only.

Importing this package imports nothing: every ribbon click pays for what it uses.
"""
