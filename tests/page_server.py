"""A real HTTP server on 127.0.0.1 for the fetching tests: each path answers as it is told."""

import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True
    drip: float = 0.0  # seconds between each byte of the body: a site that answers slowly


class PageServer:
    def __init__(self, tls: tuple[str, str] | None = None):
        self.scheme = "https" if tls else "http"
        self.pages: dict[str, Page] = {}
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append({"path": self.path, "headers": dict(self.headers)})
                page = server.pages.get(
                    self.path, Page(b"not here", status=404, content_type="text/plain")
                )
                time.sleep(page.delay)
                try:
                    self.send_response(page.status)
                    if page.content_type:
                        self.send_header("Content-Type", page.content_type)
                    if page.send_length:
                        self.send_header("Content-Length", str(len(page.body)))
                    for name, value in page.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    if page.drip:
                        for i in range(len(page.body)):
                            self.wfile.write(page.body[i : i + 1])
                            self.wfile.flush()
                            server.requests[-1]["sent"] = i + 1
                            time.sleep(page.drip)
                    else:
                        self.wfile.write(page.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up first (timeout and size-cap tests)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"{self.scheme}://{host}:{self.port}{path}"

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        self.pages[path] = Page(body.encode("utf-8") if isinstance(body, str) else body, **options)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.add(path, status=status, content_type="", headers={"Location": to})

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
