"""The story page: each version counted against the reference version, compare links, and the
upload form inline (htmx: errors in place, success goes to the new version's alignment)."""

import re

from newsdiff.quotes.models import QuotePair, Review
from newsdiff.stories.models import Version
from tests.quotes.ferry import COASTLINE, GAZETTE, ferry, upload

HX = {"HX-Request": "true"}


def row(content, version):
    """The table row of `version`."""
    start = content.index(
        f'/versions/{version.number}/">Version {version.number}</a>',
        content.index(f'id="article-{version.article_id}"'),
    )
    return content[start : content.index("</tr>", start)]


def cells(content, version):
    return re.findall(r'data-label="([^"]+)">(?:<b>)?(?:⚑ )?([^<]*)', row(content, version))


def test_versions_are_counted_against_the_reference_version(editor_client, story):
    gazette, coastline = ferry(story)
    content = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert "Reference</span>" in row(content, gazette)
    assert dict(cells(content, coastline)) | {"Added": ""} == {
        "Added": "",
        "Quotes": "3",
        "Changed": "2",
        "Meaning changed": "2",
        "Dropped": "2",
        "Compare": "\n        ",
    }


def test_rejected_pairs_do_not_count(editor_client, story, editor):
    gazette, coastline = ferry(story)
    pair = QuotePair.objects.select_related("quote_a", "quote_b").get(quote_a__index=1)
    low, high = Review.keys(pair.quote_a.key, pair.quote_b.key)
    Review.objects.create(story=story, key_low=low, key_high=high, decision="rejected")
    content = editor_client.get(f"/stories/{story.slug}/").content.decode()
    counts = dict(cells(content, coastline))
    assert (counts["Changed"], counts["Meaning changed"], counts["Dropped"]) == ("1", "1", "3")


def test_each_row_compares_with_the_reference_and_one_picker_takes_any_two(editor_client, story):
    gazette, coastline = ferry(story)
    content = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert f'/compare/?a={gazette.pk}&amp;b={coastline.pk}">With reference' in content
    picker = content[content.index('<form class="compare-pick"') :]
    picker = picker[: picker.index("</form>")]
    assert f'action="/stories/{story.slug}/compare/"' in picker
    assert re.findall(r'<select id="pick-(a|b)" name="(?:a|b)">', picker) == ["a", "b"]
    for version in (gazette, coastline):
        assert picker.count(f'<option value="{version.pk}"') == 2


def test_editor_gets_the_upload_form_inline(editor_client, story):
    ferry(story)
    assert 'id="upload-form"' in editor_client.get(f"/stories/{story.slug}/").content.decode()


def test_viewer_gets_no_upload_form(viewer_client, story):
    ferry(story)
    assert 'id="upload-form"' not in viewer_client.get(f"/stories/{story.slug}/").content.decode()


def test_htmx_upload_goes_to_the_new_versions_alignment(editor_client, story):
    gazette = upload(story, GAZETTE, "Harbour Gazette")
    response = editor_client.post(
        f"/stories/{story.slug}/upload/",
        {"outlet": "Coastline Daily", "text": COASTLINE},
        headers=HX,
    )
    new = Version.objects.exclude(pk=gazette.pk).get()
    assert response["HX-Redirect"] == f"/stories/{story.slug}/compare/?a={gazette.pk}&b={new.pk}"


def test_upload_without_javascript_also_goes_to_the_alignment(editor_client, story):
    gazette = upload(story, GAZETTE, "Harbour Gazette")
    response = editor_client.post(
        f"/stories/{story.slug}/upload/", {"outlet": "Coastline Daily", "text": COASTLINE}
    )
    new = Version.objects.exclude(pk=gazette.pk).get()
    assert response["Location"] == f"/stories/{story.slug}/compare/?a={gazette.pk}&b={new.pk}"


def test_first_upload_over_htmx_goes_to_the_story_page(editor_client, story):
    response = editor_client.post(
        f"/stories/{story.slug}/upload/", {"outlet": "Harbour Gazette", "text": GAZETTE}, headers=HX
    )
    assert response["HX-Redirect"] == f"/stories/{story.slug}/"


def test_htmx_upload_error_comes_back_in_place_and_stores_nothing(editor_client, story):
    ferry(story)
    response = editor_client.post(
        f"/stories/{story.slug}/upload/",
        {"outlet": "Coastline Daily", "text": COASTLINE},
        headers=HX,
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<form method="post" enctype="multipart/form-data"')
    assert "Nothing was added: this exact text is already stored as version 1" in content
    assert Version.objects.count() == 2


def test_story_page_queries_do_not_grow_with_versions(editor_client, story):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ferry(story)

    def count():
        with CaptureQueriesContext(connection) as captured:
            editor_client.get(f"/stories/{story.slug}/")
        return len(captured)

    before = count()
    upload(story, COASTLINE + "\nUpdated.\n", "Ferry Weekly")
    assert count() == before


def test_story_without_versions_invites_the_first_upload(editor_client, story):
    content = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert "No articles yet. Add the first one below." in content
    assert 'id="upload-form"' in content
    assert "Compare versions</a>" not in content


def test_compare_page_of_a_story_without_versions_says_what_is_missing(editor_client, story):
    content = editor_client.get(f"/stories/{story.slug}/compare/").content.decode()
    assert "needs at least two versions" in content
