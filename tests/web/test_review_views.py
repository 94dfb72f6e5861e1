"""Review POSTs and re-linking through the real views: full-page redirects without
JavaScript, the row (or the page body) in place with htmx, 403 for viewers, clear messages."""

import pytest

from newsdiff.audit.models import AuditEvent
from newsdiff.quotes.models import Quote, QuotePair, Review
from newsdiff.stories.models import Story
from tests.quotes.ferry import ferry, upload

HX = {"HX-Request": "true"}


@pytest.fixture
def versions(story):
    return ferry(story)


@pytest.fixture
def pair(versions):
    return QuotePair.objects.get(quote_a__index=0)


def back(versions, **extra):
    gazette, coastline = versions
    return "&".join(
        [f"a={gazette.pk}", f"b={coastline.pk}"] + [f"{k}={v}" for k, v in extra.items()]
    )


def post(client, story, pair, action, versions, htmx=False, **data):
    return client.post(
        f"/stories/{story.slug}/pairs/{pair.pk}/{action}/",
        {"back": back(versions), **data},
        headers=HX if htmx else {},
    )


def test_confirm_without_javascript_redirects_back_to_the_same_comparison(
    editor_client, story, pair, versions, editor
):
    response = post(editor_client, story, pair, "confirm", versions)
    assert response.status_code == 302
    assert response["Location"] == f"/stories/{story.slug}/compare/?{back(versions)}#pair-{pair.pk}"
    review = Review.objects.get()
    assert (review.decision, review.reviewed_by) == ("confirmed", editor)
    page = editor_client.get(response["Location"]).content.decode()
    assert "Confirmed by eddie" in page


def test_confirm_over_htmx_returns_just_the_row(editor_client, story, pair, versions):
    response = post(editor_client, story, pair, "confirm", versions, htmx=True)
    content = response.content.decode()
    assert content.lstrip().startswith(f'<li class="pair state-confirmed" id="pair-{pair.pk}"')
    assert "<html" not in content
    assert "Confirmed by eddie" in content
    assert AuditEvent.objects.filter(action="review.confirm").count() == 1


def test_row_keeps_facing_the_sides_of_the_comparison(editor_client, story, pair, versions):
    gazette, coastline = versions
    response = editor_client.post(
        f"/stories/{story.slug}/pairs/{pair.pk}/confirm/",
        {"back": f"a={coastline.pk}&b={gazette.pk}"},
        headers=HX,
    )
    assert "[only in A: </span>forty" in response.content.decode()


def test_reject_over_htmx_marks_the_row_rejected(editor_client, story, pair, versions):
    content = post(editor_client, story, pair, "reject", versions, htmx=True).content.decode()
    assert 'class="pair state-rejected"' in content
    assert Review.objects.get().decision == "rejected"


def test_note_is_saved_and_shown_in_the_row(editor_client, story, pair, versions):
    content = post(
        editor_client, story, pair, "note", versions, htmx=True, note="Audio says <fourteen>."
    ).content.decode()
    assert "Audio says &lt;fourteen&gt;." in content
    assert Review.objects.get().note == "Audio says <fourteen>."
    assert AuditEvent.objects.filter(action="review.note").exists()


def test_too_long_a_note_is_explained_in_the_row(editor_client, story, pair, versions):
    content = post(
        editor_client, story, pair, "note", versions, htmx=True, note="x" * 2001
    ).content.decode()
    assert "Ensure this value has at most 2000 characters (it has 2001)." in content
    assert not Review.objects.exists()


def test_too_long_a_note_without_javascript_comes_back_as_a_message(
    editor_client, story, pair, versions
):
    response = post(editor_client, story, pair, "note", versions, note="x" * 2001)
    page = editor_client.get(response["Location"]).content.decode()
    assert "Ensure this value has at most 2000 characters (it has 2001)." in page


@pytest.mark.parametrize("action", ["confirm", "reject", "note"])
def test_viewer_cannot_review(viewer_client, story, pair, versions, action):
    response = post(viewer_client, story, pair, action, versions, note="Mine")
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_pair_of_another_story_is_404(editor_client, story, pair, versions):
    Story.objects.create(title="Other", slug="other")
    response = editor_client.post(f"/stories/other/pairs/{pair.pk}/confirm/", {"back": ""})
    assert response.status_code == 404
    assert not Review.objects.exists()


def test_review_get_is_not_allowed(editor_client, story, pair):
    assert editor_client.get(f"/stories/{story.slug}/pairs/{pair.pk}/confirm/").status_code == 405


def test_back_link_cannot_send_the_editor_elsewhere(editor_client, story, pair, versions):
    response = editor_client.post(
        f"/stories/{story.slug}/pairs/{pair.pk}/confirm/",
        {"back": "a=1&next=https://evil.example/&b=2"},
    )
    assert response["Location"] == f"/stories/{story.slug}/compare/?a=1&b=2#pair-{pair.pk}"


def relink_url(story, versions, quote):
    return f"/stories/{story.slug}/compare/link/?{back(versions)}&quote={quote.pk}"


def test_relink_page_lists_the_other_versions_quotes_best_first(editor_client, story, versions):
    gazette, coastline = versions
    berth = Quote.objects.get(version=gazette, index=1)
    content = editor_client.get(relink_url(story, versions, berth)).content.decode()
    first = content.index("We will reopen the berth")
    assert first < content.index("The vessel was doing forty knots")
    assert first < content.index("Nobody was hurt")
    assert "current counterpart" in content
    assert "<html" in content


def test_relink_form_over_htmx_is_a_fragment_for_its_slot(editor_client, story, versions):
    hale = Quote.objects.get(version=versions[0], index=2)
    response = editor_client.get(
        relink_url(story, versions, hale), headers=HX | {"HX-Target": "relink-qa-2"}
    )
    content = response.content.decode()
    assert content.lstrip().startswith('<form class="relink"')
    assert '<input type="hidden" name="slot" value="relink-qa-2">' in content


def test_relink_without_javascript_links_and_redirects_to_the_new_pair(
    editor_client, story, versions
):
    gazette, coastline = versions
    hale = Quote.objects.get(version=gazette, index=2)
    nobody = Quote.objects.get(version=coastline, index=2)
    response = editor_client.post(
        f"/stories/{story.slug}/compare/link/",
        {"back": back(versions), "quote": hale.pk, "counterpart": nobody.pk},
    )
    pair = QuotePair.objects.get(origin="editor")
    assert response["Location"] == f"/stories/{story.slug}/compare/?{back(versions)}#pair-{pair.pk}"
    page = editor_client.get(response["Location"]).content.decode()
    assert "Linked by hand by eddie" in page
    assert "Linked by an editor" in page


def test_relink_over_htmx_returns_the_page_body_focused_on_the_new_pair(
    editor_client, story, versions
):
    gazette, coastline = versions
    hale = Quote.objects.get(version=gazette, index=2)
    nobody = Quote.objects.get(version=coastline, index=2)
    response = editor_client.post(
        f"/stories/{story.slug}/compare/link/",
        {"back": back(versions), "quote": hale.pk, "counterpart": nobody.pk, "slot": "relink-qa-2"},
        headers=HX,
    )
    pair = QuotePair.objects.get(origin="editor")
    content = response.content.decode()
    assert f'data-focus="pair-{pair.pk}"' in content
    assert response["HX-Push-Url"] == f"/stories/{story.slug}/compare/?{back(versions)}"


def test_relink_without_a_choice_says_so_in_its_slot(editor_client, story, versions):
    hale = Quote.objects.get(version=versions[0], index=2)
    response = editor_client.post(
        f"/stories/{story.slug}/compare/link/",
        {"back": back(versions), "quote": hale.pk, "slot": "relink-qa-2"},
        headers=HX,
    )
    assert "Choose the quote to link to." in response.content.decode()
    assert response["HX-Retarget"] == "#relink-qa-2"
    assert not QuotePair.objects.filter(origin="editor").exists()


def test_relink_to_a_quote_outside_the_comparison_is_refused(editor_client, story, versions):
    hale = Quote.objects.get(version=versions[0], index=2)
    other = upload(story, "“Entirely different words,” said Moss.", "Ferry Weekly")
    stranger = Quote.objects.get(version=other)
    response = editor_client.post(
        f"/stories/{story.slug}/compare/link/",
        {"back": back(versions), "quote": hale.pk, "counterpart": stranger.pk},
    )
    assert "Select a valid choice." in response.content.decode()
    assert not QuotePair.objects.filter(origin="editor").exists()


@pytest.mark.parametrize("quote", ["", "abc", "999999"])
def test_relink_with_a_bad_quote_is_404(editor_client, story, versions, quote):
    response = editor_client.get(
        f"/stories/{story.slug}/compare/link/?{back(versions)}&quote={quote}"
    )
    assert response.status_code == 404


def test_viewer_cannot_relink(viewer_client, story, versions):
    hale = Quote.objects.get(version=versions[0], index=2)
    assert viewer_client.get(relink_url(story, versions, hale)).status_code == 403
    response = viewer_client.post(
        f"/stories/{story.slug}/compare/link/",
        {"back": back(versions), "quote": hale.pk, "counterpart": hale.pk},
    )
    assert response.status_code == 403


def test_unlinking_over_htmx_says_the_link_is_gone(editor_client, story, versions):
    gazette, coastline = versions
    hale = Quote.objects.get(version=gazette, index=2)
    nobody = Quote.objects.get(version=coastline, index=2)
    editor_client.post(
        f"/stories/{story.slug}/compare/link/",
        {"back": back(versions), "quote": hale.pk, "counterpart": nobody.pk},
    )
    pair = QuotePair.objects.get(origin="editor")
    content = post(editor_client, story, pair, "reject", versions, htmx=True).content.decode()
    assert "Link removed" in content
    assert not QuotePair.objects.filter(origin="editor").exists()
