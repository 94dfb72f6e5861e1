"""(d) HTTP load: gunicorn with 2 sync workers on loopback against the bench database (demo
stories + the generated ones), wrk with 50 connections for 30 s, each request sending a
viewer's session cookie and going round the story list, the demo story pages, the generated
story's page and its compare view. Every URL is checked for a 200 first, so a redirect to the
login page cannot pass for a fast answer.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from benchmarks.table import Row

_LUA = """
local paths = {%(paths)s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i], {["Cookie"] = "sessionid=%(session)s"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, ' ..
    '"errors": %%d, "status_errors": %%d}\\n', summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), e.connect + e.read + e.write + e.timeout,
    e.status))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, session: str) -> int:
    request = urllib.request.Request(url, headers={"Cookie": f"sessionid={session}"})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def start_gunicorn(port: int, workers: int = 2, env: dict | None = None) -> subprocess.Popen:
    """gunicorn serving newsdiff on 127.0.0.1:port, once it answers /login/ (the settings are
    the environment's: DATABASE_URL and the rest)."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "newsdiff.wsgi:application", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning"],
        env=os.environ.copy() if env is None else env, cwd=Path(__file__).resolve().parent.parent,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5)
            return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError("gunicorn exited before serving") from None
            time.sleep(0.3)
    stop(server)
    raise RuntimeError("gunicorn did not answer /login/ within 60 s")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def rows(paths: list[str], session: str, quick: bool) -> list[Row]:
    connections, seconds = (10, 3) if quick else (50, 30)
    section = f"d. HTTP load, gunicorn 2 workers, {connections} clients, {seconds} s (wrk)"
    wrk = shutil.which("wrk")
    if wrk is None:
        return [Row(section, "skipped", "", note="wrk is not installed (apt-get install wrk)")]
    port = free_port()
    server = start_gunicorn(port)
    try:
        base = f"http://127.0.0.1:{port}"
        refused = [p for p in paths if _get(base + p, session) != 200]
        if refused:
            raise RuntimeError(f"not 200 before the load test: {refused}")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(_LUA % {"paths": ", ".join(json.dumps(p) for p in paths),
                                 "session": session})
        out = subprocess.run(
            [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
             "-s", script.name, base],
            capture_output=True, text=True, check=True,
        ).stdout
        os.unlink(script.name)
    finally:
        stop(server)
    result = json.loads(out.strip().splitlines()[-1])
    per_second = result["requests"] / (result["duration_us"] / 1e6)
    errors = result["errors"] + result["status_errors"]
    return [Row(section, f"mix of {len(paths)} pages", "wrk: request sent to response read",
                result["p50_us"] / 1000, result["p95_us"] / 1000,
                note=f"{per_second:,.1f} requests/s, {result['requests']:,} requests, "
                     f"{errors} errors")]
