"""The ribbon's sources (customUI.xml, PlanMarketing.bas), installed as ``planmkg_xl.ribbon``.

They live at the repository's top level, where users and reviewers look for them;
pyproject.toml maps this folder into the package so an installed copy finds them.
"""
