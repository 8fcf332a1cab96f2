"""The only place that touches .xlsm files: build, read, surgical write-back, JSON, VBA project.

Everything here is an edge: it turns files into plans (and back) for the pure layers.
"""
