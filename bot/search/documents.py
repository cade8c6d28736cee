"""The search's view of the catalogue: the records of `bot.catalog.views` (read from the
database by `bot.catalog.readmodel`)."""

from bot.catalog.views import FIELD_FORM, PHONE_CRISIS_DRUH, CatalogueView, ServiceDoc, Town, town_index

__all__ = ["FIELD_FORM", "PHONE_CRISIS_DRUH", "CatalogueView", "ServiceDoc", "Town", "town_index"]
