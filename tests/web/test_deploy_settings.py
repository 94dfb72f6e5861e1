"""Production settings: `manage.py check --deploy` finds nothing to warn about when the
environment says DEBUG off, a secret key, the host name and HTTPS. Run in a fresh process,
since settings are read from the environment once at start-up."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


TEST_RUN_ONLY = {
    "DEBUG",
    "HTTPS",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_PROXY_SSL_HEADER",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def check_deploy(tmp_path, **env):
    # The test run's own settings stay out (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    environ = {k: v for k, v in os.environ.items() if k not in TEST_RUN_ONLY}
    environ |= {"NEWSDIFF_VAR_DIR": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "newsdiff.example.org",
    "HTTPS": "true",
    "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
}


def test_production_environment_passes_check_deploy_without_warnings(tmp_path):
    result = check_deploy(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "change, warning",
    [
        ({"HTTPS": "false"}, "security.W004"),  # no HSTS
        ({"DEBUG": "true"}, "security.W018"),
        ({"SECURE_SSL_REDIRECT": "false"}, "security.W008"),
        ({"SESSION_COOKIE_SECURE": "false"}, "security.W012"),
    ],
)
def test_check_deploy_warns_when_a_protection_is_off(tmp_path, change, warning):
    result = check_deploy(tmp_path, **(PRODUCTION | change))
    assert result.returncode != 0
    assert warning in result.stderr + result.stdout


def test_behind_a_proxy_its_https_header_makes_requests_secure(client, settings, editor):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    client.force_login(editor)
    assert client.get("/", headers={"X-Forwarded-Proto": "https"}).status_code == 200
    plain = client.get("/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")


def test_every_response_carries_a_strict_content_security_policy(editor_client):
    policy = editor_client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe" not in policy
