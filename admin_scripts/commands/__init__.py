"""Command modules; importing one registers its commands with the Typer apps."""

import importlib
import pkgutil


def register_all() -> None:
    """Import every command module of this package."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
