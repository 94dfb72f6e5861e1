"""Admins manage accounts: give each user a role (or none) and switch accounts off. Every change
is written to the audit log with the state before and after."""

from django.contrib.auth import get_user_model
from django.db import transaction

from newsdiff.accounts.roles import Role, grant, revoke
from newsdiff.audit.log import record


class UserChangeRefused(ValueError):
    """A change that would lock the admin out, or cannot be made here; the message says why."""


def user_state(user) -> dict:
    """The role the account holds (kept while it is switched off) and whether it may log in."""
    if user.is_superuser:
        role = Role.ADMIN
    else:
        names = {group.name for group in user.groups.all()}
        role = max((r for r in Role if r.group in names), default=None)
    return {"role": role.group if role else "", "active": user.is_active}


def change_user(actor, user_id: int, *, role: Role | None, active: bool):
    """Set `user`'s role (None: no role) and whether the account may log in."""
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user_id)
        before = user_state(user)
        if user.pk == actor.pk and (not active or role != Role.ADMIN):
            raise UserChangeRefused("You cannot remove your own admin role or switch yourself off.")
        if user.is_superuser and role != Role.ADMIN:
            raise UserChangeRefused(
                f"{user.get_username()} is a superuser and always an admin; "
                "change that in the Django admin."
            )
        if role is None:
            revoke(user)
        else:
            grant(user, role)
        if user.is_active != active:
            user.is_active = active
            user.save(update_fields=["is_active"])
        after = user_state(user)
        if after != before:
            record(
                actor,
                "user.change",
                user,
                summary=f"{user.get_username()}: {_describe(before)} → {_describe(after)}",
                before=before,
                after=after,
            )
    return user


def _describe(state: dict) -> str:
    return (state["role"] or "no role") + ("" if state["active"] else ", switched off")
