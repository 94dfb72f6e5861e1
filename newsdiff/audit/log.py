"""The one way to write the audit log. Call it inside the transaction that makes the change,
so the change and its record commit (or roll back) together."""

from newsdiff.audit.models import AuditEvent


def record(
    actor,
    action: str,
    obj,
    *,
    story_id: int | None = None,
    summary: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Record that `actor` (a user, or None for the system) did `action` to `obj`.

    `obj` is a model instance; its type is stored by model name and its id as text."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_name=actor.get_username() if authenticated else "",
        action=action,
        object_type=obj._meta.model_name,
        object_id=str(obj.pk),
        story_id=story_id,
        summary=summary[:300],
        before=before,
        after=after,
    )
