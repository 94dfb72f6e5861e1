"""Fetching pages from a real server on 127.0.0.1 (private addresses allowed for these tests)."""

import shutil
import subprocess

import pytest

from newsdiff.ingest import IngestError, fetch_document
from newsdiff.ingest import fetch as fetch_module
from newsdiff.ingest.fetch import refused_address
from tests.page_server import PageServer
from tests.samples import PAGE_TEXT, article_page


def fetch(url, *, timeout=1.0, max_bytes=100_000, allow_private=True):
    return fetch_document(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)


def test_page_is_fetched_and_reduced_to_its_article(page_server):
    url = page_server.add("/harbour.html", article_page())
    document = fetch(url)
    assert document.text == PAGE_TEXT
    assert document.url == url
    assert document.site_name == "Harbour Gazette"
    assert document.raw == article_page().encode("utf-8")


def test_charset_from_the_content_type_header_is_used(page_server):
    url = page_server.add(
        "/notes", "Café “ok”".encode("cp1252"), content_type="text/plain; charset=windows-1252"
    )
    assert fetch(url).text == "Café “ok”"


def test_host_name_is_sent_while_connecting_to_the_checked_address(page_server):
    fetch(page_server.add("/harbour.html", article_page()).replace("127.0.0.1", "localhost"))
    assert page_server.requests[-1]["headers"]["Host"] == f"localhost:{page_server.port}"


def test_redirects_are_followed(page_server):
    target = page_server.add("/final.html", article_page())
    page_server.redirect("/moved", "/hop")
    page_server.redirect("/hop", target, status=301)
    document = fetch(page_server.url("/moved"))
    assert document.text == PAGE_TEXT
    assert document.url == target


def test_redirect_loops_give_up(page_server):
    page_server.redirect("/a", "/b")
    page_server.redirect("/b", "/a")
    with pytest.raises(IngestError, match="redirected more than 5 times"):
        fetch(page_server.url("/a"))


def test_redirect_to_another_scheme_is_refused(page_server):
    page_server.redirect("/ftp", "ftp://files.example/article.txt")
    with pytest.raises(IngestError, match="Only http:// and https://"):
        fetch(page_server.url("/ftp"))


@pytest.mark.parametrize(
    "status, phrase", [(404, "HTTP 404 (Not Found)"), (503, "HTTP 503 (Service Unavailable)")]
)
def test_error_statuses_are_reported(page_server, status, phrase):
    url = page_server.add("/broken", "gone", status=status)
    with pytest.raises(IngestError, match=phrase.replace("(", r"\(").replace(")", r"\)")):
        fetch(url)


def test_slow_site_times_out(page_server):
    url = page_server.add("/slow", article_page(), delay=2)
    with pytest.raises(IngestError, match="did not answer within 0.3 seconds"):
        fetch(url, timeout=0.3)


def test_other_content_types_are_refused(page_server):
    url = page_server.add("/photo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    with pytest.raises(IngestError, match="returned image/png, not a web page"):
        fetch(url)


def test_page_declared_too_large_is_refused_before_reading(page_server):
    url = page_server.add("/huge", b"x" * 200_000)
    with pytest.raises(IngestError, match="larger than the 97.7 KB limit"):
        fetch(url)


def test_page_without_length_is_cut_off_at_the_cap(page_server):
    url = page_server.add("/endless", b"<p>" + b"x" * 500_000, send_length=False)
    with pytest.raises(IngestError, match="larger than the 97.7 KB limit"):
        fetch(url)


@pytest.mark.parametrize(
    "url", ["ftp://files.example/a.txt", "file:///etc/passwd", "javascript:alert(1)"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(IngestError, match="Only http:// and https://"):
        fetch(url)


def test_unknown_host_is_reported():
    with pytest.raises(IngestError, match="could not be found"):
        fetch("http://no-such-outlet.invalid/story")


def test_private_addresses_are_refused_unless_allowed(page_server):
    url = page_server.add("/harbour.html", article_page())
    with pytest.raises(IngestError, match="private or local address"):
        fetch(url, allow_private=False)
    assert page_server.requests == []


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "100.64.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::",
        "::ffff:127.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address):
    assert refused_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "::ffff:93.184.215.14"]
)
def test_public_addresses_are_allowed(address):
    assert not refused_address(address)


@pytest.fixture
def localhost_certificate(tmp_path):
    """A self-signed certificate for "localhost", made with the openssl command."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


def test_https_checks_the_certificate_against_the_host_name(localhost_certificate, monkeypatch):
    monkeypatch.setattr(fetch_module, "CA_BUNDLE", localhost_certificate[0])
    with PageServer(tls=localhost_certificate) as server:
        url = server.add("/harbour.html", article_page())
        assert fetch(url.replace("127.0.0.1", "localhost")).text == PAGE_TEXT
        with pytest.raises(IngestError, match="secure connection"):
            fetch(url)  # the certificate names localhost, not 127.0.0.1


def test_https_refuses_an_untrusted_certificate(localhost_certificate):
    with PageServer(tls=localhost_certificate) as server:
        url = server.add("/harbour.html", article_page()).replace("127.0.0.1", "localhost")
        with pytest.raises(IngestError, match="secure connection to “localhost” could not be made"):
            fetch(url)
