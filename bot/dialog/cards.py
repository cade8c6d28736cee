"""The dialog's view of a service card: the records of `bot.catalog.views` (read from the
database by `bot.catalog.readmodel`)."""

from bot.catalog.views import CardLookup, PlaceInfo, ServiceCard, format_postcode

__all__ = ["CardLookup", "PlaceInfo", "ServiceCard", "format_postcode"]
