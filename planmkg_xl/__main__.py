"""`python -m planmkg_xl` = `planmkg`."""
from .cli import main

main()
