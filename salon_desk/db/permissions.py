"""Every public method of every service declares who may call it (SPEC §9).

``@requires(Perm.X)`` checks the acting session before the method runs and
hands the method an :class:`Actor`; ``@requires(ANY_STAFF)`` admits any
active staff member and leaves the method to narrow what it returns by role
(a technician sees only the customers in the shop with them). ``@public``
marks the few calls made before anyone logs in (login itself, the shop's
letterhead), and ``@system_job`` the program's own idempotent daily work.
A test enumerates the services and fails on any public method without one.
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Concatenate, ParamSpec, Protocol, TypeVar

from ..records import StaffInfo
from ..roles import Perm
from .context import Actor, ShopContext
from .storage_errors import storage_errors

ANY_STAFF = "any_staff"     # logged in and active; the method scopes by role
PUBLIC = "public"           # before login: login, set-up, the shop's letterhead and rules
SYSTEM_JOB = "system_job"   # the program's own daily jobs: idempotent, return counts only

P = ParamSpec("P")
R = TypeVar("R")


class Service(Protocol):
    ctx: ShopContext


S = TypeVar("S", bound=Service)


def requires(access: Perm | str) -> Callable[[Callable[Concatenate[S, Actor, P], R]],
                                             Callable[Concatenate[S, StaffInfo | Actor, P], R]]:
    """Check the caller's session for ``access``; the method receives the checked :class:`Actor`."""
    def decorate(method: Callable[Concatenate[S, Actor, P], R]) -> Callable[Concatenate[S, StaffInfo | Actor, P], R]:
        @functools.wraps(method)
        def checked(self: S, who: StaffInfo | Actor, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with storage_errors(self.ctx.path), self.ctx.bound():
                actor = self.ctx.authorise(who, access)
                return method(self, actor, *args, **kwargs)
        setattr(checked, "__permission__", access)
        return checked
    return decorate


def _unattended(kind: str) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        @functools.wraps(method)
        def bound(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with storage_errors(self.ctx.path), self.ctx.bound():
                return method(self, *args, **kwargs)
        setattr(bound, "__permission__", kind)
        return bound
    return decorate


public = _unattended(PUBLIC)
system_job = _unattended(SYSTEM_JOB)


def permission_of(method: Callable[..., Any]) -> str | None:
    """The declared access of a service method, or None when it declares none."""
    value = getattr(method, "__permission__", None)
    return value.value if isinstance(value, Perm) else value
