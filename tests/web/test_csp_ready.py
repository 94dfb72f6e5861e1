"""Every page is ready for a Content Security Policy without 'unsafe-inline' or 'unsafe-eval':
no inline script, no inline event handler, no style attribute or block, no hx-on, and htmx
configured so it never evaluates code."""

import re
from pathlib import Path

import pytest

from tests.quotes.ferry import ferry

TEMPLATES = sorted((Path(__file__).resolve().parents[2] / "templates").rglob("*.html"))

FORBIDDEN = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> block"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"\shx-on", re.I), "hx-on attribute"),
    (re.compile(r"js:", re.I), "js: in hx-vals"),
]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_template_has_nothing_a_strict_csp_would_block(template):
    source = template.read_text()
    for pattern, what in FORBIDDEN:
        assert not pattern.search(source), f"{template.name}: {what}"


def pages(story, versions):
    gazette, coastline = versions
    article = gazette.article_id
    return [
        "/",
        f"/stories/{story.slug}/",
        f"/stories/{story.slug}/upload/",
        f"/stories/{story.slug}/compare/",
        f"/articles/{article}/history/",
        f"/articles/{article}/versions/1/",
        f"/stories/{story.slug}/matrix/",
        f"/stories/{story.slug}/report/",
        "/reports/fidelity/",
        f"/stories/{story.slug}/compare/link/?a={gazette.pk}&b={coastline.pk}"
        f"&quote={gazette.quotes.first().pk}",
    ]


def test_rendered_pages_configure_htmx_safely_and_load_only_local_scripts(editor_client, story):
    versions = ferry(story)
    for path in pages(story, versions):
        content = editor_client.get(path).content.decode()
        assert (
            """<meta name="htmx-config" content='{"includeIndicatorStyles": false, """
            """"allowEval": false, "allowScriptTags": false""" in content
        ), path
        scripts = re.findall(r"<script[^>]*>", content)
        assert scripts and all(re.search(r'src="/static/', s) for s in scripts), path
        assert not re.search(r"\sstyle=|\son[a-z]+=|\shx-on|<style", content), path
        assert 'class="skip-link" href="#main"' in content
