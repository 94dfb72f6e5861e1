"""Fetch a web page for an editor, without letting the URL reach inside our own network.

The host is resolved once and every address it resolves to is checked; the connection then
goes to that checked address (the name is only sent as the Host header and TLS server name),
so a second DNS answer cannot swap in 127.0.0.1. Redirects are followed by hand, each hop
checked the same way. One deadline covers the whole fetch; the size cap is enforced while
the body streams in, so an oversized page is never held in memory.
"""

import http
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import certifi
import urllib3
from urllib3.exceptions import HTTPError, NewConnectionError, SSLError
from urllib3.exceptions import TimeoutError as UrllibTimeout

from newsdiff.ingest.document import IngestError, size_label

MAX_REDIRECTS = 5
FETCHABLE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}
_HEADERS = {
    "User-Agent": "newsdiff/1.0 (quote comparison for editors)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
    "Accept-Encoding": "gzip, deflate",
}
_CHUNK = 64 * 1024
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Certificates are checked against certifi's bundle, the same on every machine.
CA_BUNDLE = certifi.where()


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str
    port: int
    request_uri: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def fetch_page(url: str, *, timeout: float, max_bytes: int, allow_private: bool) -> FetchedPage:
    """GET an http(s) page, following up to five redirects; IngestError for every failure."""
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        target = _parse(url)
        addresses = _resolve(target, allow_private)
        pool, response = _open(target, addresses, deadline, timeout)
        try:
            if response.status in _REDIRECT_STATUSES:
                location = response.headers.get("Location", "")
                if not location:
                    raise IngestError(
                        f"The page redirected (HTTP {response.status}) without saying where to."
                    )
                url = urljoin(url, location)
                continue
            _check_response(response, max_bytes)
            data = _read_capped(response, max_bytes, deadline, timeout)
            return FetchedPage(
                url=url, content_type=response.headers.get("Content-Type", ""), data=data
            )
        finally:
            response.release_conn()
            pool.close()
    raise IngestError(f"The page redirected more than {MAX_REDIRECTS} times; giving up.")


def refused_address(address: str) -> bool:
    """Loopback, private, link-local, multicast, reserved or unspecified: not the public web."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved


def _parse(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise IngestError("That is not a valid web address.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise IngestError("Only http:// and https:// addresses can be fetched.")
    if not parts.hostname:
        raise IngestError("That web address has no host name.")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise IngestError(f"“{parts.hostname}” is not a valid host name.") from None
    # Characters a browser would escape (spaces, non-ASCII) are escaped; existing escapes stay.
    request_uri = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        request_uri += "?" + quote(parts.query, safe=_PATH_SAFE + "?")
    return _Target(scheme, host, port or (443 if scheme == "https" else 80), request_uri)


def _resolve(target: _Target, allow_private: bool) -> list[str]:
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise IngestError(
            f"The site “{target.host}” could not be found (DNS lookup failed)."
        ) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        refused = [a for a in addresses if refused_address(a)]
        if refused:
            raise IngestError(
                f"“{target.host}” is a private or local address ({refused[0]}); "
                "newsdiff only fetches pages from the public web."
            )
    return addresses


def _open(target: _Target, addresses: list[str], deadline: float, timeout: float):
    """Connect to the first checked address that answers and send the request."""
    failure = ""
    for address in addresses:
        pool = _pool(target, address, _remaining(deadline, timeout))
        try:
            response = pool.urlopen(
                "GET",
                target.request_uri,
                headers={**_HEADERS, "Host": target.host_header},
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
            return pool, response
        except NewConnectionError:
            pool.close()
            failure = f"Could not connect to “{target.host}”."
        except Exception as error:  # noqa: BLE001 - every failure becomes a message (_explain)
            pool.close()
            raise _explain(error, target, timeout) from None
    raise IngestError(failure or f"Could not connect to “{target.host}”.")


def _pool(target: _Target, address: str, remaining: float):
    timeout = urllib3.Timeout(connect=remaining, read=remaining)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=timeout,
            maxsize=1,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=CA_BUNDLE,
        )
    return urllib3.HTTPConnectionPool(address, target.port, timeout=timeout, maxsize=1)


def _check_response(response, max_bytes: int) -> None:
    if not 200 <= response.status < 300:
        phrase = _phrase(response.status)
        raise IngestError(
            f"The page could not be fetched: the site answered HTTP {response.status}{phrase}."
        )
    media_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media_type and media_type not in FETCHABLE_TYPES:
        raise IngestError(f"That address returned {media_type}, not a web page or plain text.")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise IngestError(f"The page is larger than the {size_label(max_bytes)} limit.")


def _read_capped(response, max_bytes: int, deadline: float, timeout: float) -> bytes:
    """The body, a little at a time: before each read the socket may wait only for what is left
    of the deadline, so a site dripping one byte a second cannot outlast it."""
    body = bytearray()
    try:
        while True:
            _wait_at_most(response, _remaining(deadline, timeout))
            chunk = response.read1(_CHUNK, decode_content=True)
            if not chunk:
                return bytes(body)
            body += chunk
            if len(body) > max_bytes:
                raise IngestError(f"The page is larger than the {size_label(max_bytes)} limit.")
    except (HTTPError, OSError) as error:
        raise _explain(error, None, timeout) from None


def _wait_at_most(response, seconds: float) -> None:
    connection = getattr(response, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        sock.settimeout(seconds)


def _remaining(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise IngestError(_too_slow(timeout))
    return left


def _explain(error: Exception, target: _Target | None, timeout: float) -> Exception:
    if isinstance(error, IngestError):
        return error
    where = f"“{target.host}”" if target else "the site"
    if isinstance(error, (UrllibTimeout, TimeoutError)):
        return IngestError(_too_slow(timeout))
    if isinstance(error, SSLError):
        return IngestError(
            f"A secure connection to {where} could not be made (certificate or TLS problem)."
        )
    if isinstance(error, (HTTPError, OSError)):
        return IngestError(f"The connection to {where} failed before the page arrived.")
    return error


def _too_slow(timeout: float) -> str:
    return f"The site did not answer within {timeout:g} second{'' if timeout == 1 else 's'}."


def _phrase(status: int) -> str:
    try:
        return f" ({http.HTTPStatus(status).phrase})"
    except ValueError:
        return ""
