"""Fetching checks the address it connects to: the name is resolved once, that address is
checked and used, and every redirect hop is checked again. A test resolver maps invented
names to addresses, as a hostile DNS server would."""

import gzip
import socket

import pytest

from newsdiff.ingest import IngestError, fetch_document
from newsdiff.ingest import fetch as fetch_module
from tests.samples import PAGE_TEXT, article_page

PUBLIC = "93.184.215.14"  # documentation range: nothing answers there from the test machine


class Resolver:
    """getaddrinfo for invented names; each name answers its list of addresses in turn."""

    def __init__(self, monkeypatch, answers: dict[str, list[str]]):
        self.answers = {name: list(addresses) for name, addresses in answers.items()}
        self.asked: list[str] = []
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):
            if host not in self.answers:
                return real(host, port, *args, **kwargs)
            self.asked.append(host)
            queue = self.answers[host]
            address = queue.pop(0) if len(queue) > 1 else queue[0]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

        monkeypatch.setattr(fetch_module.socket, "getaddrinfo", getaddrinfo)


def fetch(url, *, allow_private=False, timeout=1.0, max_bytes=100_000):
    return fetch_document(url, timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.0.0.5", "192.168.1.20", "169.254.169.254", "::1", "fd00::5",
                "::ffff:10.0.0.5", "224.0.0.9", "240.0.0.1", "0.0.0.0"],
)
def test_a_name_resolving_to_a_private_address_is_refused_before_connecting(
    monkeypatch, page_server, address
):
    Resolver(monkeypatch, {"news.example": [address]})
    with pytest.raises(IngestError, match="private or local address"):
        fetch(page_server.url("/story", host="news.example"))
    assert page_server.requests == []


def test_one_private_address_among_public_ones_is_enough_to_refuse(monkeypatch, page_server):
    monkeypatch.setattr(
        fetch_module.socket,
        "getaddrinfo",
        lambda host, port, *a, **k: [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC, port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ],
    )
    with pytest.raises(IngestError, match=r"private or local address \(127\.0\.0\.1\)"):
        fetch(page_server.url("/story", host="news.example"))


def test_the_name_is_resolved_once_and_the_checked_address_is_the_one_used(
    monkeypatch, page_server
):
    """A rebinding DNS server answers a public address first, then 127.0.0.1. The first answer
    is checked and used; no second lookup happens, so the page server is never reached."""
    url = page_server.add("/story", article_page())
    resolver = Resolver(monkeypatch, {"rebind.example": [PUBLIC, "127.0.0.1"]})
    with pytest.raises(IngestError):
        fetch(url.replace("127.0.0.1", "rebind.example"), timeout=0.5)
    assert resolver.asked == ["rebind.example"]
    assert page_server.requests == []


def test_connection_goes_to_the_resolved_address_with_the_name_as_host(monkeypatch, page_server):
    url = page_server.add("/story", article_page())
    resolver = Resolver(monkeypatch, {"news.example": ["127.0.0.1"]})
    document = fetch(url.replace("127.0.0.1", "news.example"), allow_private=True)
    assert document.text == PAGE_TEXT
    assert resolver.asked == ["news.example"]
    assert page_server.requests[-1]["headers"]["Host"] == f"news.example:{page_server.port}"


@pytest.fixture
def test_server_counts_as_public(monkeypatch):
    """Only 127.0.0.1 (the page server) passes the address check; every other address is
    judged as usual, so a redirect hop to a private address is refused."""
    real = fetch_module.refused_address
    monkeypatch.setattr(
        fetch_module, "refused_address", lambda a: a != "127.0.0.1" and real(a)
    )


def test_a_redirect_to_a_private_address_is_refused(
    monkeypatch, page_server, test_server_counts_as_public
):
    Resolver(monkeypatch, {"news.example": ["127.0.0.1"], "intranet.example": ["10.0.0.5"]})
    page_server.redirect("/moved", f"http://intranet.example:{page_server.port}/secret")
    with pytest.raises(IngestError, match=r"private or local address \(10\.0\.0\.5\)"):
        fetch(page_server.url("/moved", host="news.example"))
    assert [r["path"] for r in page_server.requests] == ["/moved"]


@pytest.mark.parametrize(
    "location", ["http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.2]/",
                 "http://0x7f000002/"],
)
def test_a_redirect_to_a_literal_private_address_is_refused(
    page_server, test_server_counts_as_public, location
):
    page_server.redirect("/moved", location)
    with pytest.raises(IngestError, match="private or local address"):
        fetch(page_server.url("/moved"))


def test_a_page_dripping_slowly_is_cut_off_at_the_overall_deadline(page_server):
    """Each byte arrives well within the time limit; the whole page would take seconds."""
    body = b"<p>" + b"x" * 100
    url = page_server.add("/drip", body, drip=0.05, send_length=False)
    with pytest.raises(IngestError, match="did not answer within 0.5 seconds"):
        fetch(url, allow_private=True, timeout=0.5)
    # The fetch gave up while the page was still arriving, not after it had all been sent.
    assert page_server.requests[-1].get("sent", 0) < len(body)


def test_a_compressed_page_is_capped_on_its_unpacked_size(page_server):
    packed = gzip.compress(b"<p>" + b"x" * 5_000_000)
    url = page_server.add("/bomb", packed, headers={"Content-Encoding": "gzip"})
    with pytest.raises(IngestError, match="larger than the 97.7 KB limit"):
        fetch(url, allow_private=True)
