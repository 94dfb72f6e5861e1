"""The inbox: an article for no story yet, the stories it shares quotes with, and filing it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsdiff.audit.models import AuditEvent
from newsdiff.quotes.models import Quote
from newsdiff.search.models import QuoteFeature
from newsdiff.stories.models import Story, Version
from tests.search.corpus import ORCHARD, QUAY, QUAY_TRIMMED, add, make_story

# A third outlet's article on the quay: two of the Gazette's quotes, slightly changed.
ARRIVING = (
    'The harbourmaster, Ilse Brandt, said: "We will rebuild the eastern quay wall before the '
    'winter storms arrive, whatever the council says." She warned: "Nobody should fish from '
    'the breakwater until the engineers finish their survey."'
)


@pytest.fixture
def stories(db):
    quay, ferry, orchard = (
        make_story("Quay wall", "quay-wall"),
        make_story("Ferry timetable", "ferry-timetable"),
        make_story("Early harvest", "early-harvest"),
    )
    add(quay, QUAY, "Gazette")
    add(ferry, QUAY_TRIMMED, "Courier")
    add(orchard, ORCHARD, "Gazette")
    return {"quay": quay, "ferry": ferry, "orchard": orchard}


def read(client, **fields):
    return client.post(reverse("inbox_upload"), {"outlet": "Dispatch", **fields})


def suggested_slugs(html: str) -> list[str]:
    import re

    return re.findall(r'name="story" value="([^"]+)"', html)


def test_the_inbox_suggests_the_story_sharing_most_quotes_first_and_stores_nothing(
    editor_client, stories
):
    versions = Version.objects.count()
    response = read(editor_client, text=ARRIVING, headline="Quay rebuild")
    assert response.status_code == 200
    html = response.content.decode()
    # Quay wall shares both quotes, Ferry timetable a trimmed one, the orchard none.
    assert suggested_slugs(html) == ["quay-wall", "ferry-timetable"]
    assert "2 shared quotes" in html and "1 shared quote<" in html
    assert Version.objects.count() == versions
    assert 'value="Quay rebuild"' in html  # the new story's title, ready to edit


def test_choosing_a_suggested_story_adds_the_article_there_and_indexes_its_quotes(
    editor_client, editor, stories
):
    html = read(editor_client, text=ARRIVING).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    response = editor_client.post(
        reverse("inbox_upload"), {"action": "add", "story": "quay-wall", "token": token}
    )
    assert response.status_code == 302
    version = Version.objects.get(article__outlet__name="Dispatch")
    assert version.article.story == stories["quay"]
    assert version.text == ARRIVING and version.uploaded_by == editor
    assert response["Location"].startswith(reverse("compare", args=["quay-wall"]))
    quotes = Quote.objects.filter(version=version)
    assert quotes.count() == 2
    assert QuoteFeature.objects.filter(quote__in=quotes).count() > 0
    assert AuditEvent.objects.filter(action="version.add", object_id=str(version.pk)).exists()


def test_creating_a_new_story_files_the_article_in_it(editor_client, stories):
    html = read(editor_client, text=ORCHARD.replace("Prices", "Costs")).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    response = editor_client.post(
        reverse("inbox_upload"),
        {"action": "create", "token": token, "title": "Cider prices", "notes": ""},
    )
    story = Story.objects.get(title="Cider prices")
    assert response["Location"] == story.get_absolute_url()
    assert story.articles.get().outlet.name == "Dispatch"


def test_a_new_story_without_a_title_is_refused_and_nothing_is_stored(editor_client, stories):
    html = read(editor_client, text=ARRIVING).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    stored = Story.objects.count(), Version.objects.count()
    response = editor_client.post(
        reverse("inbox_upload"), {"action": "create", "token": token, "title": ""}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert (Story.objects.count(), Version.objects.count()) == stored


def test_a_choice_is_filed_only_once(editor_client, stories):
    html = read(editor_client, text=ARRIVING).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    choice = {"action": "add", "story": "quay-wall", "token": token}
    editor_client.post(reverse("inbox_upload"), choice)
    again = editor_client.post(reverse("inbox_upload"), choice)
    assert again.status_code == 200
    assert "no longer waiting" in again.content.decode()
    assert Version.objects.filter(article__outlet__name="Dispatch").count() == 1


def test_a_forged_token_or_unknown_story_stores_nothing(editor_client, stories):
    html = read(editor_client, text=ARRIVING).content.decode()
    token = html.split('name="token" value="')[1].split('"')[0]
    versions = Version.objects.count()
    forged = editor_client.post(
        reverse("inbox_upload"), {"action": "add", "story": "quay-wall", "token": "x" + token}
    )
    assert "no longer waiting" in forged.content.decode()
    unknown = editor_client.post(
        reverse("inbox_upload"), {"action": "add", "story": "no-such-story", "token": token}
    )
    assert "Choose a story to add to." in unknown.content.decode()
    assert Version.objects.count() == versions


def test_an_uploaded_file_is_read_and_filed_with_its_bytes(editor_client, stories):
    upload = SimpleUploadedFile("quay.txt", ARRIVING.encode("utf-8"), content_type="text/plain")
    html = editor_client.post(
        reverse("inbox_upload"), {"outlet": "Dispatch", "file": upload}
    ).content.decode()
    assert suggested_slugs(html)[0] == "quay-wall"
    token = html.split('name="token" value="')[1].split('"')[0]
    editor_client.post(
        reverse("inbox_upload"), {"action": "add", "story": "quay-wall", "token": token}
    )
    version = Version.objects.get(article__outlet__name="Dispatch")
    assert bytes(version.raw) == ARRIVING.encode("utf-8") and version.filename == "quay.txt"


def test_an_empty_inbox_upload_says_what_is_missing(editor_client, stories):
    response = read(editor_client)
    assert response.status_code == 200
    assert "Paste the text, upload a file, or give a URL to fetch." in response.content.decode()


def test_an_article_sharing_no_quote_gets_no_suggestion_but_can_start_a_story(
    editor_client, stories
):
    html = read(editor_client, text='Mayor Kett said: "The tram returns in May."').content.decode()
    assert suggested_slugs(html) == []
    assert "No stored story shares a quote with this article." in html
    assert 'value="create"' in html


def test_viewers_cannot_use_the_inbox(viewer_client, stories):
    assert viewer_client.get(reverse("inbox_upload")).status_code == 403
    assert read(viewer_client, text=ARRIVING).status_code == 403
    assert Version.objects.filter(article__outlet__name="Dispatch").count() == 0


def test_the_inbox_page_works_without_javascript(editor_client, stories):
    html = editor_client.get(reverse("inbox_upload")).content.decode()
    assert f'method="post" enctype="multipart/form-data" action="{reverse("inbox_upload")}"' in html
    assert "csrfmiddlewaretoken" in html
