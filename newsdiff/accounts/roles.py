"""Three roles, each including the one below: viewers read, editors also upload and review,
admins also manage users and delete. A role is membership of the Django group of that name;
superusers are admins. A logged-in user in no group has no role and sees nothing."""

from enum import IntEnum
from functools import wraps

from django.core.exceptions import PermissionDenied


class Role(IntEnum):
    VIEWER = 1
    EDITOR = 2
    ADMIN = 3

    @property
    def group(self) -> str:
        return self.name.lower()


def role_of(user) -> Role | None:
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    cached = getattr(user, "_newsdiff_role", False)
    if cached is not False:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    role = max((r for r in Role if r.group in names), default=None)
    user._newsdiff_role = role
    return role


def has_role(user, role: Role) -> bool:
    found = role_of(user)
    return found is not None and found >= role


def require_role(role: Role):
    """View decorator: 403 unless the user holds `role` or a higher one. Login itself is
    enforced for every view by LoginRequiredMiddleware."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, role):
                raise PermissionDenied(f"This needs the {role.group} role.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def grant(user, role: Role) -> None:
    """Make `user` hold exactly `role`."""
    from django.contrib.auth.models import Group

    revoke(user)
    user.groups.add(Group.objects.get_or_create(name=role.group)[0])
    user.__dict__.pop("_newsdiff_role", None)


def revoke(user) -> None:
    """Take every role from `user` (a superuser stays an admin)."""
    from django.contrib.auth.models import Group

    user.groups.remove(*Group.objects.filter(name__in=[r.group for r in Role]))
    user.__dict__.pop("_newsdiff_role", None)


def roles(request) -> dict:
    """Template context: what the current user may do, for showing only usable controls."""
    return {
        "can_edit": has_role(request.user, Role.EDITOR),
        "can_admin": has_role(request.user, Role.ADMIN),
    }
