"""Backups: a consistent copy of the database and of uploaded files, and putting one back.

`make backup` writes backups/<UTC timestamp>/ holding manifest.json, the database (SQLite:
copied with SQLite's online backup API, so a copy taken while the app writes is still a
consistent snapshot; PostgreSQL: `pg_dump` custom format, one transaction-consistent snapshot)
and media/ (files under MEDIA_ROOT, if any). `make restore BACKUP=backups/<timestamp>` puts the
database and the files back exactly as they were.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    """A backup or restore that cannot be done; the message says why and what to do."""


def make_backup(root: Path | None = None, *, using: str = "default") -> Path:
    root = Path(root or settings.NEWSDIFF_BACKUP_DIR)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = root / stamp
    target.mkdir(parents=True)
    connection = connections[using]
    if connection.vendor == "sqlite":
        db_file = target / "db.sqlite3"
        _sqlite_copy(connection.settings_dict["NAME"], db_file)
    elif connection.vendor == "postgresql":
        db_file = target / "db.dump"
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(db_file)], connection)
    else:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    media = Path(settings.MEDIA_ROOT)
    has_media = media.is_dir() and any(media.iterdir())
    if has_media:
        shutil.copytree(media, target / "media")
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "vendor": connection.vendor,
        "database": db_file.name,
        "sha256": _sha256(db_file),
        "media": "media" if has_media else None,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
    return target


def restore_backup(path: Path, *, using: str = "default") -> dict:
    """Replace the database (and MEDIA_ROOT) with the backup at `path`; return its manifest."""
    path = Path(path)
    manifest_file = path / MANIFEST
    if not manifest_file.is_file():
        raise BackupError(f"{path} is not a newsdiff backup: it has no {MANIFEST}.")
    manifest = json.loads(manifest_file.read_text())
    db_file = path / manifest["database"]
    if not db_file.is_file() or _sha256(db_file) != manifest["sha256"]:
        raise BackupError(f"{db_file} is missing or damaged (its checksum does not match).")
    connection = connections[using]
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup is of a {manifest['vendor']} database; the configured database is "
            f"{connection.vendor}. Point DATABASE_URL at a {manifest['vendor']} database."
        )
    connections.close_all()
    if connection.vendor == "sqlite":
        _sqlite_copy(str(db_file), connection.settings_dict["NAME"])
    else:
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
            + [str(db_file)],
            connection,
        )
    if manifest.get("media"):
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        shutil.copytree(path / manifest["media"], media)
    return manifest


def _sqlite_copy(source: str, destination) -> None:
    """SQLite's online backup: page by page under SQLite's own locking, so the copy is one
    consistent state even while another connection writes."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(str(destination))
    try:
        with dst:
            src.backup(dst)
        if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError(f"The copy at {destination} failed SQLite's integrity check.")
    finally:
        dst.close()
        src.close()


def _run(command: list[str], connection) -> None:
    params = connection.settings_dict
    env = os.environ.copy()
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            args += [flag, str(params[key])]
    args += ["--dbname", params["NAME"]]
    try:
        subprocess.run(
            command[:1] + args + command[1:], env=env, check=True, capture_output=True, text=True
        )
    except FileNotFoundError:
        raise BackupError(
            f"{command[0]} is not installed; install PostgreSQL's client tools."
        ) from None
    except subprocess.CalledProcessError as failed:
        raise BackupError(f"{command[0]} failed: {failed.stderr.strip()}") from None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
