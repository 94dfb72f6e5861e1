"""The history page as NewsDiffs shows an article's edits: the word-level diff between
consecutive versions, and the quotations that changed between them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.quotes.ferry import COASTLINE, upload

CORRECTED = COASTLINE.replace("forty knots", "fourteen knots").replace(
    "Nobody was hurt, and that is what matters", "We are sorry for the disruption"
)


@pytest.fixture
def article(story, editor):
    first = upload(story, COASTLINE, "Coastline Daily", editor)
    upload(story, CORRECTED, "Coastline Daily", editor, article=first.article)
    return first.article


def test_versions_are_listed_newest_first_with_who_and_when(editor_client, article):
    content = editor_client.get(f"/articles/{article.pk}/history/").content.decode()
    assert content.index(">Version 2</a>") < content.index(">Version 1</a>")
    assert "by <strong>eddie</strong>" in content


def test_text_diff_marks_removed_and_added_words(editor_client, article):
    content = editor_client.get(f"/articles/{article.pk}/history/").content.decode()
    assert '<del><span class="visually-hidden">[removed: </span>forty<' in content
    assert '<ins><span class="visually-hidden">[added: </span>fourteen<' in content
    assert "9 words removed, 7 added" in content


def test_changed_quotes_between_versions_are_listed(editor_client, article):
    content = editor_client.get(f"/articles/{article.pk}/history/").content.decode()
    assert "⚑ Number changed" in content
    assert "Dropped</span>" in content and "Nobody was hurt, and that is what matters," in content
    assert "New</span>" in content and "We are sorry for the disruption" in content
    versions = list(article.versions.order_by("number"))
    assert (
        f"/stories/{article.story.slug}/compare/?a={versions[0].pk}&amp;b={versions[1].pk}"
        in content
    )


def test_article_text_in_the_diff_is_escaped(editor_client, story):
    first = upload(story, "Plain <b>text</b>.", "Gazette")
    upload(story, "Plain <script>x()</script> text.", "Gazette", article=first.article)
    content = editor_client.get(f"/articles/{first.article.pk}/history/").content.decode()
    assert "<script>" not in content and "&lt;" in content and "x()" in content


def test_history_queries_do_not_grow_with_versions(editor_client, story):
    first = upload(story, COASTLINE, "Coastline Daily")
    upload(story, CORRECTED, "Coastline Daily", article=first.article)

    def count():
        with CaptureQueriesContext(connection) as captured:
            editor_client.get(f"/articles/{first.article.pk}/history/")
        return len(captured)

    two = count()
    for n in range(3):
        upload(story, CORRECTED + f"\nUpdate {n}.\n", "Coastline Daily", article=first.article)
    assert count() == two
