"""`python -m admin_scripts`: the operators' command line."""

from admin_scripts.app import app
from admin_scripts.commands import register_all

register_all()

if __name__ == "__main__":
    app(prog_name="python -m admin_scripts")
