"""The benchmarks' own database: a fresh SQLite file in a temporary folder (never var/), with
the demo stories and generated ones, and a user with a session for the HTTP load test.

`configure()` must run before Django is set up: it points DATABASE_URL, NEWSDIFF_VAR_DIR and
ALLOWED_HOSTS at the bench's folder, so a gunicorn started with the same environment serves
the same data.
"""

import os
import tempfile
from pathlib import Path

BENCH_HOSTS = "127.0.0.1,localhost,testserver"


def configure() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="newsdiff-bench-"))
    os.environ["NEWSDIFF_VAR_DIR"] = str(folder)
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["ALLOWED_HOSTS"] = BENCH_HOSTS
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdiff.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return folder


def store_story(title: str, texts: list[str], outlets: int = 5):
    """A story whose versions are stored but not yet aligned: outlets take turns, each with one
    article and successive versions, as uploads would leave them."""
    from newsdiff.stories.models import Article, Outlet, Story, Version

    story = Story.objects.create(title=title, slug=Story.unique_slug(title))
    articles = []
    for k in range(outlets):
        outlet, _ = Outlet.objects.get_or_create(name=f"Bench Outlet {k + 1}",
                                                 defaults={"domain": f"outlet{k + 1}.example"})
        articles.append(Article.objects.create(story=story, outlet=outlet,
                                               url=f"https://outlet{k + 1}.example/{story.slug}"))
    Version.objects.bulk_create(
        Version(article=articles[n % outlets], number=n // outlets + 1, text=text,
                sha256=Version.hash_text(text), raw=text.encode(), source=Version.Source.IMPORT,
                content_type="text/plain")
        for n, text in enumerate(texts)
    )
    return story


def viewer_session() -> tuple[object, str]:
    """A viewer and the key of a logged-in session for it (the cookie the load test sends)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    from newsdiff.accounts.roles import Role, grant

    user = get_user_model().objects.create_user("bench-viewer", password=os.urandom(16).hex())
    grant(user, Role.VIEWER)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend that loads users (the first one may only guard logins, like axes').
    session[BACKEND_SESSION_KEY] = next(
        b for b in settings.AUTHENTICATION_BACKENDS if b.endswith("ModelBackend"))
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return user, session.session_key
