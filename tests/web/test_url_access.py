"""Who may open what: every URL pattern, GET and POST, as anonymous visitor, user without a
role, viewer, editor and admin.

ACCESS has one line per URL name. A new view without a line fails
`test_every_url_pattern_has_an_access_line`, naming it; add its line (and any new placeholder to
`places` in tests/web/conftest.py) to say which role each method needs:

    ANYONE  no login needed (the login page)
    LOGGED_IN  any logged-in user, even one without a role (logging out)
    VIEWER / EDITOR / ADMIN  the least role that may use it (anonymous: sent to log in)
    NOT_ALLOWED  the method is refused (405) for everyone logged in
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from newsdiff.accounts.roles import Role, grant

ANYONE = "anyone"
LOGGED_IN = "logged in"
NOT_ALLOWED = "405"
VIEWER, EDITOR, ADMIN = Role.VIEWER, Role.EDITOR, Role.ADMIN

# fmt: off
ACCESS = {
    # url name          path (placeholders filled by `places` in tests/web/conftest.py)                GET          POST
    "login":            ("/login/",                                          ANYONE,      ANYONE),
    "logout":           ("/logout/",                                         NOT_ALLOWED, LOGGED_IN),
    "story_list":       ("/",                                                VIEWER,      EDITOR),
    "story_detail":     ("/stories/{slug}/",                                 VIEWER,      NOT_ALLOWED),
    "story_upload":     ("/stories/{slug}/upload/",                          EDITOR,      EDITOR),
    "story_delete":     ("/stories/{slug}/delete/",                          ADMIN,       ADMIN),
    "article_history":  ("/articles/{article}/history/",                     VIEWER,      NOT_ALLOWED),
    "version_text":     ("/articles/{article}/versions/1/",                  VIEWER,      NOT_ALLOWED),
    "version_raw":      ("/articles/{article}/versions/1/raw/",              VIEWER,      NOT_ALLOWED),
    "version_delete":   ("/articles/{article}/versions/1/delete/",           ADMIN,       ADMIN),
    "deleted_list":     ("/deleted/",                                        ADMIN,       NOT_ALLOWED),
    "story_restore":    ("/deleted/stories/{story_id}/restore/",             NOT_ALLOWED, ADMIN),
    "version_restore":  ("/deleted/versions/{a}/restore/",                   NOT_ALLOWED, ADMIN),
    "compare":          ("/stories/{slug}/compare/?a={a}&b={b}",             VIEWER,      NOT_ALLOWED),
    "relink":           ("/stories/{slug}/compare/link/?a={a}&b={b}&quote={quote}", EDITOR, EDITOR),
    "pair_confirm":     ("/stories/{slug}/pairs/{pair}/confirm/",            NOT_ALLOWED, EDITOR),
    "pair_reject":      ("/stories/{slug}/pairs/{pair}/reject/",             NOT_ALLOWED, EDITOR),
    "pair_note":        ("/stories/{slug}/pairs/{pair}/note/",               NOT_ALLOWED, EDITOR),
    "story_jobs":       ("/stories/{slug}/jobs/",                            VIEWER,      NOT_ALLOWED),
    "story_matrix":     ("/stories/{slug}/matrix/",                          VIEWER,      NOT_ALLOWED),
    "story_report":     ("/stories/{slug}/report/",                          VIEWER,      NOT_ALLOWED),
    "fidelity_report":  ("/reports/fidelity/",                               VIEWER,      NOT_ALLOWED),
    "provenance_correct": ("/stories/{slug}/provenance/",                    NOT_ALLOWED, EDITOR),
    "story_original":   ("/stories/{slug}/original/",                        NOT_ALLOWED, EDITOR),
    "user_list":        ("/accounts/users/",                                 ADMIN,       NOT_ALLOWED),
    "user_update":      ("/accounts/users/{user}/",                          NOT_ALLOWED, ADMIN),
    "quote_search":     ("/quotes/search/?q=harbour",                        VIEWER,      NOT_ALLOWED),
    "quote_elsewhere":  ("/quotes/{quote}/elsewhere/",                       VIEWER,      NOT_ALLOWED),
    "inbox_upload":     ("/upload/",                                         EDITOR,      EDITOR),
    "story_matrix":     ("/stories/{slug}/matrix/",                          VIEWER,      NOT_ALLOWED),
    "story_report":     ("/stories/{slug}/report/",                          VIEWER,      NOT_ALLOWED),
    "fidelity_report":  ("/reports/fidelity/",                               VIEWER,      NOT_ALLOWED),
    "provenance_correct": ("/stories/{slug}/provenance/",                    NOT_ALLOWED, EDITOR),
    "story_original":   ("/stories/{slug}/original/",                        NOT_ALLOWED, EDITOR),
    "story_export_json": ("/stories/{slug}/export.json",                     VIEWER,      NOT_ALLOWED),
    "story_export_csv": ("/stories/{slug}/export.csv",                       VIEWER,      NOT_ALLOWED),
    "story_print":      ("/stories/{slug}/print/",                           VIEWER,      NOT_ALLOWED),
    "api_docs":         ("/api/v1/docs/",                                    VIEWER,      NOT_ALLOWED),
}
# fmt: on

# Django's admin site has its own login and staff check; it is not walked here. The JSON API
# authenticates tokens, not sessions, and answers 401 JSON: tests/api/test_auth.py walks it.
SKIPPED_NAMESPACES = {"admin", "api"}


def url_names(resolver=None):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace not in SKIPPED_NAMESPACES:
                yield from url_names(entry)
        elif isinstance(entry, URLPattern):
            yield entry.name or f"<unnamed: {entry.pattern}>"


def test_every_url_pattern_has_an_access_line():
    names = set(url_names())
    missing = sorted(names - set(ACCESS))
    assert not missing, (
        f"URL names with no line in ACCESS (tests/web/test_url_access.py): {missing}"
    )
    stale = sorted(set(ACCESS) - names)
    assert not stale, f"ACCESS lines for URL names that no longer exist: {stale}"


USERS = ["anonymous", "no role", "viewer", "editor", "admin"]
ROLE_OF = {"no role": None, "viewer": VIEWER, "editor": EDITOR, "admin": ADMIN}


def expected(needs, who):
    """'login', 'forbidden', 'not allowed' or 'allowed'."""
    if needs == ANYONE:
        return "allowed"
    if who == "anonymous":
        return "login"
    if needs == NOT_ALLOWED:
        return "not allowed"
    if needs == LOGGED_IN:
        return "allowed"
    role = ROLE_OF[who]
    return "allowed" if role is not None and role >= needs else "forbidden"


def outcome(response):
    if response.status_code == 302 and response["Location"].startswith("/login/?next="):
        return "login"
    return {403: "forbidden", 405: "not allowed"}.get(response.status_code, "allowed")


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("name", sorted(ACCESS))
def test_url_access(client, django_user_model, places, name, method, who):
    path, get_needs, post_needs = ACCESS[name]
    needs = get_needs if method == "GET" else post_needs
    if who != "anonymous":
        user = django_user_model.objects.create_user("someone", password="x-y-z-w-1")
        if ROLE_OF[who] is not None:
            grant(user, ROLE_OF[who])
        client.force_login(user)
    response = getattr(client, method.lower())(path.format(**places))
    assert response.status_code < 500
    assert outcome(response) == expected(needs, who), (
        f"{method} {name} as {who}: {response.status_code} {response.get('Location', '')}"
    )
