"""The executive deck: slide specs from a computed plan (pure), rendered with python-pptx.

``spec`` and ``fit`` decide what goes where; ``render`` alone imports python-pptx.
"""
