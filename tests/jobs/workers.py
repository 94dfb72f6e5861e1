"""Real worker processes for the tests: `manage.py jobs_worker` started against the test
database (and, for RQ, a Redis database of the tests' own), with a short heartbeat so a
killed worker's job goes stale in seconds."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
TEST_REDIS_URL = "redis://127.0.0.1:6379/13"
HEARTBEAT, STALE = 0.25, 5.0
# Guards against a hung test, not a measure of speed: a job normally ends within seconds.
PATIENCE = 180


def database_url_for_workers() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(backend: str = "db", *args: str, chunk: int = 1) -> subprocess.Popen:
    env = os.environ | {
        "DATABASE_URL": database_url_for_workers(),
        "NEWSDIFF_VAR_DIR": str(settings.VAR_DIR),
        "NEWSDIFF_TASKS": backend,
        "NEWSDIFF_REDIS_URL": TEST_REDIS_URL,
        "NEWSDIFF_JOB_HEARTBEAT_SECONDS": str(HEARTBEAT),
        "NEWSDIFF_JOB_STALE_SECONDS": str(STALE),
        "NEWSDIFF_ALIGN_CHUNK": str(chunk),
        "NEWSDIFF_IMPORT_CHUNK": "2",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "jobs_worker", "--interval", "0.1", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run_burst(backend: str = "db") -> str:
    """A worker that runs every waiting task and exits; its output."""
    worker = start_worker(backend, "--burst")
    out, _ = worker.communicate(timeout=PATIENCE)
    assert worker.returncode == 0, out
    return out


def stop(worker: subprocess.Popen, sig=signal.SIGTERM) -> str:
    if worker.poll() is None:
        worker.send_signal(sig)
    out, _ = worker.communicate(timeout=30)
    return out


def kill_machine(worker: subprocess.Popen) -> None:
    """SIGKILL the worker and every process it started (RQ's work horse runs in a session of
    its own), as a machine dying would."""
    for pid in [*_descendants(worker.pid), worker.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    worker.communicate(timeout=30)


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def wait_until(condition, what: str):
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting: {what}")
