"""planmkg_xl: an Excel-native B2B marketing plan, driven by Python.

Import-light on purpose: the Excel ribbon imports this package on every click.
"""
__version__ = "0.1.0"
