"""Token authentication for the API, and the role each operation needs.

Only a token in `Authorization: Bearer <token>` authenticates: a browser's session cookie does
not, so no API request can ride on a logged-in editor's cookies and the API needs no CSRF
token. A request without a valid token gets 401 JSON, never the login page."""

from ninja.errors import HttpError
from ninja.security import HttpBearer

from newsdiff.accounts.roles import Role, has_role
from newsdiff.api import tokens


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        found = tokens.find(token)
        if found is None:
            return None
        request.user, request.api_token = found.user, found
        return found.user


def require(request, role: Role):
    """The token's user, if they hold `role`; 403 JSON otherwise."""
    if not has_role(request.auth, role):
        raise HttpError(403, f"This needs the {role.group} role; the token's user lacks it.")
    return request.auth
