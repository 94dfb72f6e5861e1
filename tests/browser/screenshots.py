"""Regenerate the screenshots in docs/screenshots/ from the demo stories.

    .venv/bin/python -m tests.browser.screenshots [name.png ...]

(names given: only those are written, e.g. `matrix.png report.png`).

Builds a throwaway database in a temporary folder (your own data is never touched), loads the
demo stories through the real services, records two reviews, serves the app on a free local
port and photographs the main views with Debian's Chromium (/usr/bin/chromium).
"""

import io
import os
import sys
import tempfile
import threading
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("NEWSDIFF_CHROMIUM", "/usr/bin/chromium")


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _ThreadedServer(WSGIServer):
    daemon_threads = True

    def process_request(self, request, client_address):
        threading.Thread(target=self._handle, args=(request, client_address), daemon=True).start()

    def _handle(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        finally:
            self.shutdown_request(request)


def _prepare() -> tuple[str, str]:
    """A fresh database with the demo stories and an editor; returns (username, password)."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from newsdiff.accounts.roles import Role, grant
    from newsdiff.quotes import reviews
    from newsdiff.quotes.models import QuotePair

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    user = get_user_model().objects.create_user("morag", password="screenshots-only")
    grant(user, Role.EDITOR)
    pairs = QuotePair.objects.select_related("alignment", "quote_a", "quote_b").filter(
        alignment__version_a__article__outlet__name="Harbour Gazette",
        alignment__version_b__article__outlet__name="Coastline Daily",
        alignment__version_b__number=1,
    )
    reviews.confirm(pairs.get(kind="exact"), user)
    negation = next(p for p in pairs if "negation_changed" in p.flags)
    reviews.save_note(
        negation,
        user,
        "Coastline reversed the operator’s denial. Correction asked for at 14:10; see their v2.",
    )
    return "morag", "screenshots-only"


def _box(locator) -> dict:
    """The element's box on the page, for a full-page clip."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    scroll = locator.page.evaluate("window.scrollY")
    return {"x": box["x"] - 8, "y": box["y"] + scroll - 8, "width": box["width"] + 16,
            "height": box["height"] + 16}


def _versions():
    from newsdiff.stories.models import Version

    return {
        f"{v.article.outlet.name} v{v.number}": v
        for v in Version.objects.select_related("article__outlet")
    }


def main(wanted: set[str] | None = None) -> None:
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: apt-get install -y chromium")
    var = tempfile.mkdtemp(prefix="newsdiff-shots-")
    os.environ["NEWSDIFF_VAR_DIR"] = var
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application
    from playwright.sync_api import sync_playwright

    username, password = _prepare()
    versions = _versions()
    server = make_server("127.0.0.1", 0, get_wsgi_application(), _ThreadedServer, _Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    gazette, coastline = versions["Harbour Gazette v1"], versions["Coastline Daily v1"]
    compare = f"{base}/stories/gull-point-ferry/compare/?a={gazette.pk}&b={coastline.pk}"
    OUT.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.goto(f"{base}/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{base}/")

        def shoot(name: str, **options) -> None:
            if wanted and name not in wanted:
                return
            page.wait_for_timeout(400)  # smooth scrolls and transitions settle
            page.screenshot(path=str(OUT / name), animations="disabled", **options)
            print("wrote", (OUT / name).relative_to(ROOT))

        page.goto(compare)
        page.locator("body").press("j")
        page.keyboard.press("j")
        shoot("compare.png")

        page.goto(compare + "#pairs-title")
        page.locator("#pairs-title").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -12)")
        shoot("compare-pairs.png")

        page.goto(compare + "&mode=passages")
        shoot("passages.png")

        page.goto(compare)
        item = page.locator("#only-qa-3")
        item.get_by_role("link", name="Link to a quote in B…").click()
        item.locator("form.relink input[type=radio]").first.check()
        item.scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 180)")
        shoot("relink.png")

        page.goto(f"{base}/stories/gull-point-ferry/")
        shoot("story.png")

        page.goto(f"{base}/articles/{versions['Coastline Daily v2'].article_id}/history/")
        shoot("history.png")

        page.goto(f"{base}/stories/gull-point-ferry/matrix/")
        shoot("matrix.png")

        page.goto(f"{base}/stories/gull-point-ferry/")
        page.locator("section.provenance summary").click()
        shoot("provenance.png", full_page=True, clip=_box(page.locator("section.provenance")))

        page.goto(f"{base}/stories/gull-point-ferry/report/")
        shoot("report.png", full_page=True)

        phone = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
        phone.add_cookies(context.cookies())
        page = phone.new_page()
        page.goto(compare)
        shoot("phone-compare.png")

        page.goto(f"{base}/stories/gull-point-ferry/matrix/")
        page.locator(".matrix-wrap").scroll_into_view_if_needed()
        shoot("phone-matrix.png")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(set(sys.argv[1:]) or None)
