"""The search box and "where else does this quote appear?", through HTTP."""

import re

import pytest
from django.urls import reverse

from newsdiff.quotes.models import Quote
from tests.search.corpus import ORCHARD, QUAY, QUAY_SWAPPED, QUAY_TRIMMED, add, make_story


@pytest.fixture
def corpus(db):
    quay, ferry, orchard = (
        make_story("Quay wall", "quay-wall"),
        make_story("Ferry timetable", "ferry-timetable"),
        make_story("Early harvest", "early-harvest"),
    )
    return {
        "quay": add(quay, QUAY, "Gazette"),
        "trimmed": add(ferry, QUAY_TRIMMED, "Courier"),
        "swapped": add(ferry, QUAY_SWAPPED, "Herald"),
        "orchard": add(orchard, ORCHARD, "Gazette"),
    }


def hit_texts(response) -> list[str]:
    """The hits' quotes as shown: the diff's text without what only the query has."""
    html = response.content.decode()
    hits = re.findall(r'<p class="diff hit-diff">(.*?)</p>', html, re.DOTALL)
    hits = [re.sub(r"<del.*?</del>", "", h, flags=re.DOTALL) for h in hits]
    hits = [re.sub(r'<span class="visually-hidden">.*?</span>', "", h) for h in hits]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", h)).strip() for h in hits]


def test_search_finds_the_trimmed_and_the_word_swapped_variant_across_stories(
    viewer_client, corpus
):
    query = "we will rebuild the eastern quay wall before the winter storms, whatever they decide"
    response = viewer_client.get(reverse("quote_search"), {"q": query})
    assert response.status_code == 200
    texts = hit_texts(response)
    assert len(texts) == 3
    assert texts[0] == (
        "We will rebuild the eastern quay wall before the winter storms arrive, "
        "whatever the council decides."
    )
    assert "rebuild the eastern quay wall before the winter storms arrive" in texts
    assert any("the quay eastern wall" in t for t in texts)
    html = response.content.decode()
    assert "Quay wall" in html and "Ferry timetable" in html
    assert "Courier" in html and "Herald" in html


def test_each_hit_shows_the_words_that_differ_from_the_query(viewer_client, corpus):
    query = "We will rebuild the eastern quay wall before the winter storms arrive"
    html = viewer_client.get(reverse("quote_search"), {"q": query}).content.decode()
    # The trimmed variant lacks "We will": shown struck out against the query.
    hidden = r'<span class="visually-hidden">'
    assert re.search(rf"<del>{hidden}\[only in your search: </span>We will", html)
    # The full quote goes on past the query: shown inserted.
    assert re.search(rf"<ins[^>]*>{hidden}\[only in this quote: </span>, whatever", html)


def test_an_htmx_search_returns_only_the_results(viewer_client, corpus):
    response = viewer_client.get(
        reverse("quote_search"), {"q": "cider apples ripened early"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<html" not in html and "Early harvest" in html


def test_search_without_a_query_shows_the_empty_form(viewer_client, corpus):
    html = viewer_client.get(reverse("quote_search")).content.decode()
    assert 'name="q"' in html and "quote found" not in html and "No stored quote" not in html


def test_a_search_of_only_common_words_finds_nothing_and_says_so(viewer_client, corpus):
    html = viewer_client.get(reverse("quote_search"), {"q": "the and of it"}).content.decode()
    assert "No stored quote is like this one." in html


def test_an_overlong_query_is_refused_with_a_message(viewer_client, corpus):
    response = viewer_client.get(reverse("quote_search"), {"q": "quay " * 1000})
    assert response.status_code == 200
    assert "at most 2,000 characters" in response.content.decode()


def test_results_are_paginated_with_links_that_work_without_javascript(
    viewer_client, corpus, settings
):
    story = make_story("Many", "many")
    for n in range(25):
        text = f'Official {n} said: "The eastern quay wall must be rebuilt soon, number {n}."'
        add(story, text, f"Outlet {n}")
    query = "The eastern quay wall must be rebuilt soon"
    first = viewer_client.get(reverse("quote_search"), {"q": query}).content.decode()
    assert "page 1 of 2" in first
    assert 'href="?q=The+eastern+quay+wall+must+be+rebuilt+soon&amp;page=2"' in first
    second = viewer_client.get(reverse("quote_search"), {"q": query, "page": "2"})
    assert "page 2 of 2" in second.content.decode()
    assert len(hit_texts(second)) >= 5
    junk = viewer_client.get(reverse("quote_search"), {"q": query, "page": "x"})
    assert "page 1 of 2" in junk.content.decode()


def test_where_else_lists_the_other_appearances_but_not_the_quote_itself(viewer_client, corpus):
    quote = Quote.objects.get(version=corpus["quay"], index=0)
    response = viewer_client.get(reverse("quote_elsewhere", args=[quote.pk]))
    assert response.status_code == 200
    texts = hit_texts(response)
    assert len(texts) == 2
    assert "rebuild the eastern quay wall before the winter storms arrive" in texts


def test_where_else_of_an_unknown_quote_is_not_found(viewer_client, corpus):
    assert viewer_client.get(reverse("quote_elsewhere", args=[999999])).status_code == 404


def test_the_compare_view_links_each_quote_to_where_else_it_appears(viewer_client, corpus):
    story = corpus["quay"].article.story
    add(story, QUAY.replace("winter", "autumn") + ' Ek said: "No comment."', "Courier")
    html = viewer_client.get(reverse("compare", args=[story.slug])).content.decode()
    for quote in Quote.objects.filter(version__article__story=story):
        assert reverse("quote_elsewhere", args=[quote.pk]) in html


def test_every_page_has_the_search_box(viewer_client, corpus):
    html = viewer_client.get(reverse("story_list")).content.decode()
    assert f'action="{reverse("quote_search")}"' in html


def test_a_user_without_a_role_cannot_search(client, django_user_model, corpus):
    client.force_login(django_user_model.objects.create_user("nobody", password="x-y-z-w-1"))
    assert client.get(reverse("quote_search"), {"q": "quay"}).status_code == 403
    quote = Quote.objects.first()
    assert client.get(reverse("quote_elsewhere", args=[quote.pk])).status_code == 403
