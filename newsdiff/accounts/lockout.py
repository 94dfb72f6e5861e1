"""The page django-axes shows once a username has failed to log in too often from one address:
it says what happened and for how long, with status 429 so scripts see it too."""

from axes.helpers import get_client_username, get_cool_off
from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "username": get_client_username(request, credentials) or "",
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)


def client_address(request) -> str | None:
    """The address failed logins are counted against. Behind NEWSDIFF_TRUSTED_PROXIES proxies
    that each append to X-Forwarded-For, it is the entry the outermost proxy added; entries
    further left are whatever the client sent, so they are never trusted."""
    hops = settings.NEWSDIFF_TRUSTED_PROXIES
    if hops:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR")
