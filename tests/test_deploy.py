"""What docs/deploy.md promises, run for real: static files collect, the deployment checks
raise no error under production settings, and gunicorn (a real process) serves the login
page, the collected static files and a logged-in page from the test database."""

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from benchmarks.database import viewer_session
from benchmarks.load import free_port, start_gunicorn, stop

ROOT = Path(__file__).resolve().parent.parent


def production_env(tmp_path: Path, database_url: str) -> dict[str, str]:
    # The test session's own switches (browser tests set DJANGO_ALLOW_ASYNC_UNSAFE) stay out.
    dropped = ("DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    return env | {
        "DEBUG": "false",
        "SECRET_KEY": "deploy-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,newsroom.example",
        "HTTPS": "true",
        "DATABASE_URL": database_url,
        "NEWSDIFF_VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def url_of_the_test_database() -> str:
    """The test database as a DATABASE_URL another process can open."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def test_static_files_collect_and_deploy_checks_find_no_error(tmp_path):
    env = production_env(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    collected = manage(env | {"NEWSDIFF_COLLECT_STATIC": "true"}, "collectstatic", "--noinput")
    assert collected.returncode == 0, collected.stderr
    manifest = (tmp_path / "static" / "staticfiles.json").read_text()
    assert "css/newsdiff.css" in manifest and "vendor/" in manifest
    checked = manage(env, "check", "--deploy", "--fail-level", "ERROR")
    assert checked.returncode == 0, checked.stderr + checked.stdout


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_login_static_files_and_a_logged_in_page_from_the_test_database(
    tmp_path,
):
    env = production_env(tmp_path, url_of_the_test_database())
    env["HTTPS"] = "false"  # plain http on loopback: no redirect to https
    env["SECRET_KEY"] = settings.SECRET_KEY  # sessions are signed: the server must share it
    collect = env | {"NEWSDIFF_COLLECT_STATIC": "true"}
    assert manage(collect, "collectstatic", "--noinput").returncode == 0
    _, session = viewer_session()  # committed: the server process sees it
    port = free_port()
    server = start_gunicorn(port, workers=2, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        with urllib.request.urlopen(f"{base}/login/", timeout=30) as login:
            assert login.status == 200
            page = login.read().decode()
        css = page.split('href="/static/css/newsdiff.', 1)[1].split('"', 1)[0]
        assert css.endswith(".css") and css != "css"  # a hashed name from the manifest
        with urllib.request.urlopen(f"{base}/static/css/newsdiff.{css}", timeout=30) as style:
            assert style.status == 200
            assert "immutable" in style.headers.get("Cache-Control", "")
        request = urllib.request.Request(f"{base}/", headers={"Cookie": f"sessionid={session}"})
        with urllib.request.urlopen(request, timeout=30) as home:
            assert home.status == 200
            assert home.url == f"{base}/"  # not redirected to the login page
    finally:
        stop(server)
