"""The shop's rules as stored settings, changed by the owner and audited."""

from __future__ import annotations

import json
from typing import Any

from ..records import StaffInfo
from ..roles import Perm
from ..settings_registry import SETTINGS, validate
from .base import ShopBase
from .models import Setting


class SettingsMixin(ShopBase):
    def settings(self) -> dict[str, Any]:
        """Every setting with its value in force (stored or default)."""
        stored = {row.key: json.loads(row.value) for row in Setting.select()}
        return {key: stored.get(key, spec.default) for key, spec in SETTINGS.items()}

    def update_settings(self, actor: StaffInfo, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate every change first; store all or none; audit old and new values."""
        owner = self._require(actor, Perm.SETTINGS)
        for key, value in changes.items():
            validate(key, value)
        with self.db.atomic():
            before = self.settings()
            for key, value in changes.items():
                if before[key] == value:
                    continue
                (Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False))
                 .on_conflict_replace().execute())
                self._audit(owner, "setting_changed", target=key, old=before[key], new=value)
                self._forget_settings()
        return self.settings()
