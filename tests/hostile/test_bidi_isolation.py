"""A right-to-left override in a headline, outlet or quote cannot reorder the interface."""

import pytest

from newsdiff.stories.models import Version
from newsdiff.stories.templatetags.direction import isolate
from tests.web.uploads import upload

RLO = "\u202e"


@pytest.mark.parametrize(
    "value",
    [f"{RLO}lanruoJ", "\u05d4\u05d0\u05e8\u05e5", "\u0627\u0644\u0634\u0631\u0648\u0642", "a\u2067b"],
)
def test_right_to_left_text_and_controls_are_isolated(value):
    assert isolate(value) == f"<bdi>{value}</bdi>"


def test_left_to_right_text_is_escaped_and_not_wrapped():
    assert isolate("Harbour <Gazette> & Co") == "Harbour &lt;Gazette&gt; &amp; Co"


def test_isolated_text_is_still_escaped():
    assert isolate(f"{RLO}<script>") == f"<bdi>{RLO}&lt;script&gt;</bdi>"


@pytest.fixture
def overridden(editor_client, story):
    """Two versions whose outlet, headline and quote carry a right-to-left override."""
    for ending in ("", " Later."):
        upload(
            editor_client,
            story,
            outlet=f"{RLO}etteza Gruobra",
            headline=f"Wall {RLO}tliubeR",
            text=f"“We will {RLO}dliubeR the wall,” said Ruth Kerr.{ending}",
        )
    return story


def test_story_page_isolates_outlet_and_headline(editor_client, overridden):
    html = editor_client.get(f"/stories/{overridden.slug}/").content.decode()
    assert f"<bdi>{RLO}etteza Gruobra</bdi>: <bdi>Wall {RLO}tliubeR</bdi>" in html


def test_compare_page_isolates_outlet_names_and_listed_quotes(editor_client, overridden):
    a, b = Version.objects.order_by("pk")
    html = editor_client.get(
        f"/stories/{overridden.slug}/compare/?a={a.pk}&b={b.pk}"
    ).content.decode()
    assert f"<bdi>{RLO}etteza Gruobra</bdi> <span class=\"version-number\">v1</span>" in html


def test_history_page_isolates_outlet_and_headline(editor_client, overridden):
    article = Version.objects.first().article
    html = editor_client.get(f"/articles/{article.pk}/history/").content.decode()
    assert f"<h1 class=\"page-title\"><bdi>{RLO}etteza Gruobra</bdi>: <bdi>Wall" in html
