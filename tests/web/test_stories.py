"""The story list, creating a story, and a story's page."""

from newsdiff.ingest import document_from_text
from newsdiff.stories import services
from newsdiff.stories.models import Story


def test_story_list_shows_each_story_with_its_article_count(editor_client, story):
    services.add_version(
        story, document_from_text("Text."), source="paste", outlet_name="Harbour Gazette"
    )
    response = editor_client.get("/")
    assert f'<a href="/stories/{story.slug}/">Harbour wall</a>' in response.content.decode()
    assert "(1 article)" in response.content.decode()


def test_editor_creates_a_story_from_the_list(editor_client):
    response = editor_client.post("/", {"title": "Ferry strike", "notes": "Three outlets."})
    story = Story.objects.get()
    assert (story.title, story.slug, story.notes) == (
        "Ferry strike",
        "ferry-strike",
        "Three outlets.",
    )
    assert response.status_code == 302
    assert response["Location"] == "/stories/ferry-strike/"


def test_story_without_a_title_is_refused(editor_client):
    response = editor_client.post("/", {"title": "", "notes": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Story.objects.exists()


def test_story_page_lists_articles_and_their_versions(editor_client, editor, story):
    for text in ("First.", "Second."):
        services.add_version(
            story,
            document_from_text(text),
            source="paste",
            outlet_name="Harbour Gazette",
            headline="Wall to be rebuilt",
            uploaded_by=editor,
        )
    content = editor_client.get(f"/stories/{story.slug}/").content.decode()
    assert "Harbour Gazette: Wall to be rebuilt" in content
    article = story.articles.get()
    assert f'href="/articles/{article.pk}/versions/1/">Version 1</a>' in content
    assert f'href="/articles/{article.pk}/versions/2/">Version 2</a>' in content
    assert f'href="/articles/{article.pk}/history/"' in content
    assert "by eddie" in content


def test_unknown_story_is_404(editor_client, db):
    assert editor_client.get("/stories/no-such-story/").status_code == 404


def test_upload_page_offers_the_storys_articles_and_known_outlets(editor_client, story):
    article = services.add_version(
        story, document_from_text("Text."), source="paste", outlet_name="Harbour Gazette"
    ).version.article
    content = editor_client.get(
        f"/stories/{story.slug}/upload/?article={article.pk}"
    ).content.decode()
    assert f'<option value="{article.pk}" selected>Harbour Gazette' in content
    assert '<option value="Harbour Gazette">' in content
    assert '<label for="id_text">Paste the text:</label>' in content


def test_htmx_request_gets_only_the_upload_form(editor_client, story):
    response = editor_client.get(f"/stories/{story.slug}/upload/", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert content.lstrip().startswith('<form method="post" enctype="multipart/form-data"')
    assert "<html" not in content


def test_htmx_form_error_comes_back_as_the_form_alone(editor_client, story):
    response = editor_client.post(
        f"/stories/{story.slug}/upload/", {"text": " "}, headers={"HX-Request": "true"}
    )
    assert response.content.decode().lstrip().startswith("<form")
    assert "The text is empty." in response.content.decode()


def test_htmx_story_creation_sends_the_browser_to_the_new_story(editor_client):
    response = editor_client.post("/", {"title": "Ferry strike"}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == "/stories/ferry-strike/"


def test_viewer_is_not_offered_the_new_story_form(viewer_client, story):
    assert 'id="new-story"' not in viewer_client.get("/").content.decode()
