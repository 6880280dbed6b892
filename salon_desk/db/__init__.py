"""Storage of the shop: peewee models on a local SQLite file, migrations,
backups, and the front door (:class:`salon_desk.db.shop.Shop`) that the
window, the command line and the tests call."""

from .shop import Shop

__all__ = ["Shop"]
