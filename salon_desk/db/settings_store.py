"""The shop's rules as stored settings, changed by the owner and audited."""

from __future__ import annotations

import json
from typing import Any

from ..records import ShopHeader
from ..roles import Perm
from ..settings_registry import SETTINGS, validate
from .context import Actor, ShopContext
from .models import Setting
from .permissions import ANY_STAFF, public, requires


class SettingsService:
    """The rulebook in force: read by everyone, changed by the owner."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @public
    def value(self, key: str) -> Any:
        """One rule in force (the shop's name, the language, a discount): nothing personal."""
        return self.ctx.setting(key)

    @public
    def header(self) -> ShopHeader:
        """The shop's letterhead, printed on every receipt and shown at login."""
        s = self.ctx.setting
        return ShopHeader(s("shop.name"), s("shop.address"), s("shop.phone"), s("receipt.footer"))

    @requires(ANY_STAFF)
    def all(self, actor: Actor) -> dict[str, Any]:
        """Every setting with its value in force (stored or default)."""
        return self._stored_or_default()

    def _stored_or_default(self) -> dict[str, Any]:
        stored = {row.key: json.loads(row.value) for row in Setting.select()}
        return {key: stored.get(key, spec.default) for key, spec in SETTINGS.items()}

    @requires(Perm.SETTINGS)
    def update(self, actor: Actor, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate every change first; store all or none; audit old and new values."""
        for key, value in changes.items():
            validate(key, value)
        with self.ctx.db.atomic():
            before = self._stored_or_default()
            for key, value in changes.items():
                if before[key] == value:
                    continue
                (Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False))
                 .on_conflict_replace().execute())
                self.ctx.audit(actor, "setting_changed", target=key, old=before[key], new=value)
                self.ctx.forget_settings()
        return self._stored_or_default()
