"""Every page but the login page sends anonymous visitors to log in."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from newsdiff.ingest import document_from_text
from newsdiff.stories import services

# Logging in and out needs no login.
PUBLIC = {"login", "logout"}


def named_patterns(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name != "admin":  # admin has its own login
                yield from named_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name, prefix + str(entry.pattern)


def test_every_named_page_is_covered_below():
    assert {name for name, _ in named_patterns()} - PUBLIC == set(PAGES)


PAGES = {
    "story_list": "/",
    "story_detail": "/stories/harbour-wall/",
    "story_upload": "/stories/harbour-wall/upload/",
    "article_history": "/articles/{article}/history/",
    "version_text": "/articles/{article}/versions/1/",
    "version_raw": "/articles/{article}/versions/1/raw/",
    "compare": "/stories/harbour-wall/compare/",
    "relink": "/stories/harbour-wall/compare/link/",
    "pair_confirm": "/stories/harbour-wall/pairs/1/confirm/",
    "pair_reject": "/stories/harbour-wall/pairs/1/reject/",
    "pair_note": "/stories/harbour-wall/pairs/1/note/",
}


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitor_is_sent_to_log_in(client, story, name, method):
    article = services.add_version(
        story, document_from_text("Text."), source="paste", outlet_name="Gazette"
    ).version.article
    response = getattr(client, method)(PAGES[name].format(article=article.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert story.articles.get().versions.count() == 1
