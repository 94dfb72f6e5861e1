"""Real-browser tests: Playwright driving Debian's Chromium against Django's live server.

Without /usr/bin/chromium these tests skip and say how to enable them; with
NEWSDIFF_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser fails them instead.
"""

import io
import os
import shutil

import pytest
from django.core.management import call_command

from newsdiff.accounts.roles import Role, grant
from newsdiff.stories.models import Story, Version

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between page actions are ordinary synchronous code, so Django's async guard must stand down.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("NEWSDIFF_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = os.path.exists(CHROMIUM)
HOW_TO_ENABLE = "browser tests need Chromium: run `apt-get install -y chromium` (Debian) to enable them"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    """Session-scoped so it runs before the session-scoped browser is launched."""
    if HAVE_CHROMIUM:
        return
    if os.environ.get("NEWSDIFF_REQUIRE_BROWSER") == "1":
        pytest.fail(f"NEWSDIFF_REQUIRE_BROWSER=1 but {CHROMIUM} is missing; {HOW_TO_ENABLE}")
    pytest.skip(HOW_TO_ENABLE)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        # The machine has no outside network: stop Chromium from trying to reach Google.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def logged_in_page(page, live_server, django_user_model, client):
    """A Playwright page whose browser carries a logged-in editor's session cookie."""
    user = django_user_model.objects.create_user("browser-editor", password="unused-in-tests")
    grant(user, Role.EDITOR)
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies(
        [{"name": "sessionid", "value": cookie.value, "url": live_server.url}]
    )
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def demo(transactional_db):
    """The demo ferry story, loaded through the real services: (story, {"Outlet vN": version})."""
    call_command("load_demo", stdout=io.StringIO())
    story = Story.objects.get(slug="gull-point-ferry")
    versions = {
        f"{v.article.outlet.name} v{v.number}": v
        for v in Version.objects.filter(article__story=story).select_related("article__outlet")
    }
    return story, versions
