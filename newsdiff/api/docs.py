"""The API described for people: every operation of the OpenAPI document as a server-rendered
page (no Swagger UI: it needs JavaScript and this app's pages work without it)."""

from functools import wraps

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from newsdiff.accounts.roles import Role, has_role, require_role
from newsdiff.api import tokens

METHODS = ("get", "post", "put", "patch", "delete")


def viewer_or_token(view):
    """The OpenAPI document: for a logged-in viewer (browser) or a viewer's token (pipeline);
    401 JSON otherwise."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        user = request.user
        if not has_role(user, Role.VIEWER):
            scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
            user = tokens.user_for(raw.strip()) if scheme.lower() == "bearer" else None
        if user is None or not has_role(user, Role.VIEWER):
            return JsonResponse(
                {"detail": "Send a valid API token: Authorization: Bearer <token>."}, status=401
            )
        return view(request, *args, **kwargs)

    return wrapped


@require_http_methods(["GET"])
@require_role(Role.VIEWER)
def api_docs(request):
    from newsdiff.api.endpoints import api  # the API imports this module for its decorator

    schema = api.get_openapi_schema()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "description": op.get("description", ""),
            "parameters": op.get("parameters", []),
            "body": list(op.get("requestBody", {}).get("content", {})),
            "responses": sorted(op.get("responses", {})),
            "tag": (op.get("tags") or [""])[0],
        }
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]
    return render(
        request,
        "api/docs.html",
        {"schema": schema, "operations": operations, "openapi_url": "/api/v1/openapi.json"},
    )
