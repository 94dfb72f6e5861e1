"""/api/v1/: the API's operations and OpenAPI document, and a page describing them.

The operations answer 401 JSON to a request without a token, so LoginRequiredMiddleware must
not send them to the login page: each of their views is marked login_not_required."""

from django.urls import URLResolver

from newsdiff.api.endpoints import api


def _not_login_required(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _not_login_required(entry.url_patterns)
        else:
            entry.callback.login_required = False
    return patterns


operations, _, _ = api.urls
app_name = "api"
urlpatterns = _not_login_required(operations)
