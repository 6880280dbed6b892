"""Login cannot be used to probe user names, leak a password into the audit log, or lock the owner out."""

import pytest

from salon_desk.db import staff as staff_module
from salon_desk.db.models import AuditLog
from salon_desk.errors import AuthenticationFailed


@pytest.fixture
def checks(monkeypatch):
    """Every password check made (the hash it was made against)."""
    made = []
    real = staff_module.verify_password

    def counting(stored_hash, password):
        made.append(stored_hash)
        return real(stored_hash, password)
    monkeypatch.setattr(staff_module, "verify_password", counting)
    return made


def test_an_unknown_user_costs_a_password_check_like_a_wrong_password(shop, owner, checks):
    with pytest.raises(AuthenticationFailed) as wrong:
        shop.staff.login("boss", "not-the-password")
    with pytest.raises(AuthenticationFailed) as unknown:
        shop.staff.login("nobody", "not-the-password")
    assert wrong.value.code == unknown.value.code == "auth.bad_credentials"     # the same answer
    assert len(checks) == 2                              # and the same work: one hash check each
    assert checks[1].startswith("$argon2") and checks[1] != checks[0]


def test_a_password_typed_in_the_user_name_box_is_never_stored(shop, owner):
    with pytest.raises(AuthenticationFailed):
        shop.staff.login("MySecret-Pa55", "boss")
    texts = [r.details + (r.target or "") for r in AuditLog.select()]
    assert not any("MySecret-Pa55" in t for t in texts)
    last = AuditLog.select().order_by(AuditLog.id.desc()).get()
    assert (last.action, last.details) == ("login_failed", '{"reason": "unknown user"}')
