"""The role matrix for the compare and review URLs: no role sees nothing, viewers read,
editors also review and re-link."""

import pytest

from newsdiff.accounts.roles import Role, grant
from newsdiff.quotes.models import Quote, QuotePair, Review
from tests.quotes.ferry import ferry


@pytest.fixture
def setup(story):
    gazette, coastline = ferry(story)
    pair = QuotePair.objects.get(quote_a__index=0)
    hale = Quote.objects.get(version=gazette, index=2)
    nobody = Quote.objects.get(version=coastline, index=2)
    back = f"a={gazette.pk}&b={coastline.pk}"
    base = f"/stories/{story.slug}"
    return {
        "compare": ("get", f"{base}/compare/?{back}", {}),
        "relink form": ("get", f"{base}/compare/link/?{back}&quote={hale.pk}", {}),
        "relink": (
            "post",
            f"{base}/compare/link/",
            {"back": back, "quote": hale.pk, "counterpart": nobody.pk},
        ),
        "confirm": ("post", f"{base}/pairs/{pair.pk}/confirm/", {"back": back}),
        "reject": ("post", f"{base}/pairs/{pair.pk}/reject/", {"back": back}),
        "note": ("post", f"{base}/pairs/{pair.pk}/note/", {"back": back, "note": "n"}),
    }


NEEDS = {
    "compare": Role.VIEWER,
    "relink form": Role.EDITOR,
    "relink": Role.EDITOR,
    "confirm": Role.EDITOR,
    "reject": Role.EDITOR,
    "note": Role.EDITOR,
}


@pytest.mark.parametrize("name", sorted(NEEDS))
@pytest.mark.parametrize("role", [None, Role.VIEWER, Role.EDITOR, Role.ADMIN])
def test_role_matrix(client, django_user_model, setup, name, role):
    user = django_user_model.objects.create_user("someone", password="x-y-z-w-1")
    if role is not None:
        grant(user, role)
    client.force_login(user)
    method, path, data = setup[name]
    response = getattr(client, method)(path, data)
    allowed = role is not None and role >= NEEDS[name]
    assert response.status_code == ({"get": 200, "post": 302}[method] if allowed else 403)
    if method == "post" and not allowed:
        assert not Review.objects.exists()


def test_anonymous_visitor_is_sent_to_log_in(client, setup):
    for method, path, data in setup.values():
        response = getattr(client, method)(path, data)
        assert response.status_code == 302 and response["Location"].startswith("/login/")
