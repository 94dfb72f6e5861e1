"""Hostile markup in uploads is shown as text on every page that shows it, never as markup."""

from html.parser import HTMLParser

import pytest

from newsdiff.quotes.models import Quote
from newsdiff.stories.models import Version
from tests.web.uploads import upload

# Each payload is something a page could execute if it reached the HTML unescaped.
PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">click</a>',
    '<svg onload="alert(4)"><circle r="1"/></svg>',
    '<iframe src="javascript:alert(5)"></iframe>',
]
HEADLINE = "<script>alert('headline')</script> Harbour wall"
OUTLET = '<img src=x onerror="alert(6)">Gazette'


def hostile_text(extra: str = "") -> str:
    return (
        f"The harbour master {PAYLOADS[0]} spoke on Monday.\n\n"
        f"“The wall {PAYLOADS[1]} will be rebuilt by spring {PAYLOADS[2]},” "
        f"said Ruth {PAYLOADS[3]} Kerr.\n\n"
        f"“We {PAYLOADS[4]} have the money,” she added. {extra}"
    )


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        # The pages' own charts are SVG with role="img"; the payload's has none.
        ours = tag == "svg" and ("role", "img") in attrs
        if tag in ("iframe", "svg", "img", "object", "embed") and not ours:
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.live.append(f"<{tag} {name}={value}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.live.append(f"<script>{data}")


def live_markup(html: str) -> list[str]:
    """Elements and attributes from the payloads that reached the page as markup: the page is
    parsed as a browser would, so escaped text does not count."""
    parser = _Elements()
    parser.feed(html)
    return parser.live


@pytest.fixture
def hostile_story(editor_client, story):
    """Two versions of one article, both carrying every payload in text, headline and outlet."""
    for extra in ("", "More to come."):
        response = upload(
            editor_client, story, text=hostile_text(extra), outlet=OUTLET, headline=HEADLINE
        )
        assert response.status_code == 302
    return story


def test_pasted_markup_is_stored_as_the_text_it_is(hostile_story):
    version = Version.objects.order_by("pk").first()
    assert PAYLOADS[0] in version.text
    assert Quote.objects.filter(version=version).count() >= 2


@pytest.mark.parametrize("page", ["story", "compare", "history", "version", "relink"])
def test_payloads_are_escaped_on_every_page_that_shows_them(editor_client, hostile_story, page):
    first, second = Version.objects.order_by("pk")
    quote = Quote.objects.filter(version=first).first()
    url = {
        "story": f"/stories/{hostile_story.slug}/",
        "compare": f"/stories/{hostile_story.slug}/compare/?a={first.pk}&b={second.pk}",
        "history": f"/articles/{first.article_id}/history/",
        "version": f"/articles/{first.article_id}/versions/1/",
        "relink": f"/stories/{hostile_story.slug}/compare/link/"
        f"?quote={quote.pk}&a={first.pk}&b={second.pk}",
    }[page]
    response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert live_markup(html) == []
    assert "&lt;script&gt;alert" in html


def test_htmx_fragments_escape_the_payloads_too(editor_client, hostile_story):
    first, second = Version.objects.order_by("pk")
    response = editor_client.get(
        f"/stories/{hostile_story.slug}/compare/?a={first.pk}&b={second.pk}",
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert live_markup(response.content.decode()) == []


def test_uploaded_html_file_keeps_no_markup_from_the_page(editor_client, story):
    page = (
        "<html><head><title>Harbour <script>alert(7)</script></title></head><body><article>"
        "<h1>Harbour wall</h1>"
        + "".join(f"<p>Paragraph {i} about the harbour wall and its repair. {p}</p>"
                  for i, p in enumerate(PAYLOADS))
        + '<p>“We will rebuild,” said Ruth Kerr, the harbour master, on Monday.</p>'
        "</article></body></html>"
    )
    response = upload(editor_client, story, file=("page.html", page.encode(), "text/html"))
    assert response.status_code == 302
    version = Version.objects.get()
    assert "<script" not in version.text and "onerror" not in version.text
    html = editor_client.get(f"/articles/{version.article_id}/versions/1/").content.decode()
    assert live_markup(html) == []


def test_the_original_upload_is_a_sandboxed_download_not_a_page(editor_client, story):
    page = b"<html><body><p>Harbour wall repair.</p><script>alert(8)</script></body></html>"
    upload(editor_client, story, file=("page.html", page, "text/html"))
    version = Version.objects.get()
    response = editor_client.get(f"/articles/{version.article_id}/versions/1/raw/")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
