"""Issuing, checking and revoking API tokens; issuing and revoking are audited."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from newsdiff.api.models import ApiToken
from newsdiff.audit.log import record

PREFIX = "nd_"
# last_used_at is written at most this often per token, so reads do not all become writes.
TOUCH_EVERY = timedelta(minutes=1)


def issue(user, *, name: str = "", actor=None) -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself, which is shown this once."""
    raw = PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user, name=name[:100], prefix=raw[:10], digest=ApiToken.hash(raw)
        )
        record(actor, "api_token.create", token, summary=f"API token {token.prefix}… for {user}")
    return token, raw


def find(raw: str) -> ApiToken | None:
    """The live token (user loaded) for `raw`, or None: unknown, revoked, or its user
    deactivated. Records the use."""
    if not raw or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.hash(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def user_for(raw: str):
    """The active user a token belongs to, or None."""
    token = find(raw)
    return token.user if token else None


def revoke(token: ApiToken, actor) -> bool:
    """Revoke `token`; False if it already was."""
    with transaction.atomic():
        updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if updated:
            record(actor, "api_token.revoke", token, summary=f"API token {token.prefix}… revoked")
    return bool(updated)
