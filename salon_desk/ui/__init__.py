"""The Qt window: pages, dialogs and table models over the shop's front door.

Widgets call :class:`salon_desk.db.Shop` and show the records it returns;
no SQL and no pricing arithmetic lives here.
"""
