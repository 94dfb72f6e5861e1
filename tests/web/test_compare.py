"""The compare page through Django's test client: full page, htmx partials, bad input,
escaping, and a query count that does not grow with the number of quotes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsdiff.stories.models import Story
from tests.quotes.ferry import ferry, many_quotes, upload

HX = {"HX-Request": "true"}


def url(story, **query):
    params = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/stories/{story.slug}/compare/" + (f"?{params}" if params else "")


def test_page_shows_both_texts_with_each_quote_linked_to_its_counterpart(editor_client, story):
    gazette, coastline = ferry(story)
    content = editor_client.get(url(story, a=gazette.pk, b=coastline.pk)).content.decode()
    assert 'href="#qb-0" id="qa-0"' in content
    assert 'href="#qa-0" id="qb-0"' in content
    assert "Harbour Gazette" in content and "Coastline Daily" in content
    assert "Harbour master Ruth Kerr said the ferry had been travelling too fast." in content


def test_each_quote_carries_its_kind_as_words_not_only_colour(editor_client, story):
    ferry(story)
    content = editor_client.get(url(story)).content.decode()
    assert re.search(
        r'class="q k-partial flagged".*?<span class="q-tag">Partial</span> '
        r'<span class="q-tag flag">⚑ Number changed</span>',
        content,
        re.S,
    )
    assert (
        '<span class="q-tag">Only here</span> <span class="q-tag">unquoted in B</span>' in content
    )


def test_pairs_list_shows_word_diff_score_kind_speakers_flags_and_state(editor_client, story):
    ferry(story)
    content = editor_client.get(url(story)).content.decode()
    assert re.search(r"<del><span class=\"visually-hidden\">\[only in A: </span>fourteen", content)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[only in B: </span>forty", content)
    assert re.search(
        r'<ins class="punct"><span class="visually-hidden">\[only in B, punctuation: </span>,',
        content,
    )
    assert "score 94.6" in content
    assert "⚑ Negation changed" in content
    assert ">Ruth Kerr</a>" in content
    assert "Not reviewed" in content


def test_quotes_in_only_one_version_are_listed_with_paraphrases_marked(editor_client, story):
    ferry(story)
    content = editor_client.get(url(story)).content.decode()
    assert 'id="only-qa-2"' in content and 'id="only-qb-2"' in content
    assert "Quote marks removed / paraphrased in B" in content
    assert 'id="para-qa-3"' in content


def test_without_a_and_b_the_first_version_is_compared_with_the_latest(editor_client, story):
    gazette, coastline = ferry(story)
    latest = upload(story, "“Nothing more to add,” said Moss.", "Ferry Weekly")
    content = editor_client.get(url(story)).content.decode()
    assert f'<option value="{gazette.pk}" selected>' in content
    assert f'<option value="{latest.pk}" selected>' in content


def test_versions_can_be_asked_for_in_either_order(editor_client, story):
    gazette, coastline = ferry(story)
    content = editor_client.get(url(story, a=coastline.pk, b=gazette.pk)).content.decode()
    assert re.search(r"<del><span class=\"visually-hidden\">\[only in A: </span>forty", content)
    assert content.index('id="column-a-title"') < content.index("Coastline Daily <span")


def test_filtering_by_kind_over_htmx_returns_only_the_pairs_region(editor_client, story):
    ferry(story)
    response = editor_client.get(
        url(story, kind="minor"), headers=HX | {"HX-Target": "pairs-region"}
    )
    content = response.content.decode()
    assert "<html" not in content and 'id="versions-form"' not in content
    assert "Showing 1 of 2 pairs." in content
    assert "k-partial" not in content.split('class="only-lists"')[0]
    assert 'id="versions-extra" class="versions-extra" hx-swap-oob="true"' in content
    assert '<input type="hidden" name="kind" value="minor">' in content


def test_changing_versions_over_htmx_returns_the_page_body(editor_client, story):
    gazette, coastline = ferry(story)
    response = editor_client.get(
        url(story, a=coastline.pk, b=gazette.pk), headers=HX | {"HX-Target": "compare-body"}
    )
    content = response.content.decode()
    assert "<html" not in content
    assert content.lstrip().startswith('<form id="versions-form"')
    assert 'id="pairs-region"' in content


@pytest.mark.parametrize(
    "query, message",
    [
        ({"a": "abc"}, "Version A (left): Select a valid choice."),
        ({"min_score": "150"}, "Minimum score: Ensure this value is less than or equal to 100."),
        ({"kind": "sideways"}, "Kind: Select a valid choice."),
    ],
)
def test_bad_query_is_explained_and_the_defaults_are_shown(editor_client, story, query, message):
    ferry(story)
    response = editor_client.get(url(story, **query))
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content.replace("&#x27;", "'")
    assert 'id="pairs-region"' in content


def test_same_version_twice_is_refused_with_a_message(editor_client, story):
    gazette, _ = ferry(story)
    content = editor_client.get(url(story, a=gazette.pk, b=gazette.pk)).content.decode()
    assert "Pick two different versions to compare." in content


def test_version_of_another_story_is_not_shown(editor_client, story):
    ferry(story)
    other = Story.objects.create(title="Other", slug="other")
    secret = upload(other, "“Secret words,” said Nobody.", "Elsewhere")
    content = editor_client.get(url(story, b=secret.pk)).content.decode()
    assert "Secret words" not in content
    assert "Version B (right): Select a valid choice." in content


def test_story_with_one_version_says_what_is_missing(editor_client, story):
    upload(story, "“Only one,” she said.", "Harbour Gazette")
    content = editor_client.get(url(story)).content.decode()
    assert "needs at least two versions" in content


def test_unknown_story_is_404(editor_client, db):
    assert editor_client.get("/stories/nope/compare/").status_code == 404


def test_article_text_is_escaped(editor_client, story):
    upload(story, "“<script>alert(1)</script> is <b>bold</b>,” said Eve.", "Gazette")
    upload(story, "“<img src=x onerror=alert(2)> too,” said Eve.", "Ledger")
    content = editor_client.get(url(story)).content.decode()
    assert "<script>alert" not in content and "<img src=x" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "&lt;img src=x onerror=alert(2)&gt;" in content


def test_viewer_sees_review_state_but_no_controls(viewer_client, story):
    ferry(story)
    content = viewer_client.get(url(story)).content.decode()
    assert "Not reviewed" in content
    assert (
        "/confirm/" not in content and "Re-link" not in content and "/compare/link/" not in content
    )


def test_editor_sees_review_controls(editor_client, story):
    ferry(story)
    content = editor_client.get(url(story)).content.decode()
    assert "/confirm/" in content and "/reject/" in content and "/note/" in content
    assert "/compare/link/" in content


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_the_number_of_quotes(editor_client, story, editor):
    small_a = upload(story, many_quotes(2), "Harbour Gazette")
    small_b = upload(story, many_quotes(2).replace("weeks", "days"), "Coastline Daily")
    big = Story.objects.create(title="Big", slug="big")
    big_a = upload(big, many_quotes(40), "Harbour Gazette")
    big_b = upload(big, many_quotes(40).replace("weeks", "days"), "Coastline Daily")
    small = queries_for(editor_client, url(story, a=small_a.pk, b=small_b.pk))
    large = queries_for(editor_client, url(big, a=big_a.pk, b=big_b.pk))
    assert big_a.quotes.count() == 40
    assert large == small
    assert large <= 12
