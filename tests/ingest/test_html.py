"""HTML pages become their article: paragraphs kept, the page furniture gone."""

from datetime import date

import pytest

from newsdiff.ingest import IngestError, document_from_bytes
from tests.samples import JUNK, PAGE_TEXT, PARAGRAPHS, article_page


@pytest.fixture
def page():
    return document_from_bytes(article_page().encode("utf-8"), "harbour-wall.html")


def test_article_paragraphs_are_kept_one_per_paragraph(page):
    assert page.text == PAGE_TEXT
    for paragraph in PARAGRAPHS:
        assert f"\n\n{paragraph}" in page.text


@pytest.mark.parametrize("junk", JUNK)
def test_navigation_calls_to_action_related_links_and_comments_are_removed(page, junk):
    assert junk not in page.text


def test_title_author_date_and_site_name_come_from_the_page(page):
    assert page.title == "Harbour wall to be rebuilt after storm, mayor says"
    assert page.byline == "Mara Quill"
    assert page.published == date(2026, 3, 2)
    assert page.site_name == "Harbour Gazette"
    assert page.url == "https://harbourgazette.example/2026/03/02/harbour-wall"
    assert page.content_type == "text/html; charset=utf-8"


def test_page_declaring_windows_1252_is_read_in_it():
    html = article_page(charset="windows-1252").encode("cp1252")
    assert document_from_bytes(html, "page.htm").text == PAGE_TEXT


def test_html_sent_as_txt_is_still_read_as_a_page():
    assert document_from_bytes(article_page().encode("utf-8"), "saved.txt").text == PAGE_TEXT


def test_a_quote_by_a_reader_that_looks_like_a_call_to_action_is_kept():
    paragraph = "“Join us on the quay on Saturday,” said the harbourmaster, Tomás Reyes."
    html = f"<html><body><article><p>{PARAGRAPHS[0]}</p><p>{paragraph}</p><p>{PARAGRAPHS[2]}</p></article></body></html>"
    assert paragraph in document_from_bytes(html.encode(), "page.html").text


def test_page_without_an_article_is_refused():
    html = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"
    with pytest.raises(IngestError, match="No article text was found"):
        document_from_bytes(html.encode(), "empty.html")
