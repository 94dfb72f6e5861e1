"""Settings, read strictly from the environment with safe local defaults.

Every knob a deployment turns is an environment variable (docs/deploy.md lists them);
nothing here needs editing to go to production.
"""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.core.exceptions import ImproperlyConfigured

from newsdiff.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
# Local state (SQLite database, generated secret key) lives in var/, which git ignores.
VAR_DIR = Path(env_str("NEWSDIFF_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)


def _local_secret_key() -> str:
    """A key generated once per checkout, so a local install never runs on a published key."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY", "") or _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_tasks_db",
    "django_rq",
    "newsdiff.accounts",
    "newsdiff.audit",
    "newsdiff.stories",
    "newsdiff.quotes",
    "newsdiff.search",
    "newsdiff.collation",
    "newsdiff.exports",
    "newsdiff.api",
    "newsdiff.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body: oversized requests are refused unread (413).
    "newsdiff.stories.request_size.RequestSizeLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# HTTPS: served over TLS (directly or behind a proxy that terminates it). Turns on secure
# cookies, the redirect to https and HSTS; each can still be set on its own.
HTTPS = env_bool("HTTPS", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", HTTPS)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
# Behind a proxy that terminates TLS: the header it sets on https requests, e.g.
# SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto. Set it only when the proxy always sets (or strips)
# that header, or a client could claim https.
_PROXY_SSL_HEADER = env_str("SECURE_PROXY_SSL_HEADER", "")
if _PROXY_SSL_HEADER:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _PROXY_SSL_HEADER.upper().replace("-", "_"), "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Content Security Policy: everything from this site only, no inline script or style, no eval.
# htmx is configured in base.html never to evaluate code or inject its indicator styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

# Failed logins: after AXES_FAILURE_LIMIT wrong passwords for one username from one address,
# that pair is locked out for AXES_COOLOFF_MINUTES (an admin can unlock sooner in /admin/).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind reverse proxies, how many of them append to X-Forwarded-For (0: use REMOTE_ADDR).
NEWSDIFF_TRUSTED_PROXIES = env_int("NEWSDIFF_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "newsdiff.accounts.lockout.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsdiff.accounts.lockout.locked_out"
AXES_VERBOSE = False

ROOT_URLCONF = "newsdiff.urls"
WSGI_APPLICATION = "newsdiff.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsdiff.accounts.roles.roles",
            ],
            # `isolate` keeps right-to-left text and direction controls in uploads from
            # reordering the interface around them (stories/templatetags/direction.py).
            "builtins": ["newsdiff.stories.templatetags.direction"],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://...) is the production path.
# On SQLite: WAL so readers never block the writer, a busy timeout instead of
# "database is locked", and IMMEDIATE transactions so two writers queue up front
# rather than deadlocking when both upgrade a read lock.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file too, not shared-cache memory, so concurrent writers meet the same
    # locking (WAL, busy timeout) as in production.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "story_list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Hashed, compressed names once `collectstatic` has run (production); straight from static/
# otherwise (tests, `make run`), so nothing needs collecting to develop. The first collection
# has no manifest to find yet: run it with NEWSDIFF_COLLECT_STATIC=true (docs/deploy.md).
_COLLECTED = env_bool("NEWSDIFF_COLLECT_STATIC", False) or (
    STATIC_ROOT / "staticfiles.json"
).exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _COLLECTED

# Uploaded files (today every upload is kept in the database; anything stored as a file goes
# here) and where `make backup` writes.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"
NEWSDIFF_BACKUP_DIR = Path(env_str("NEWSDIFF_BACKUP_DIR", str(BASE_DIR / "backups")))

# Uploads: one limit for files, pasted text and fetched pages. A request longer than the limit
# plus a form's allowance is refused before it is read (stories/request_size.py); Django's
# own limit is the same, so it never trips first with a 400.
NEWSDIFF_MAX_UPLOAD_BYTES = env_int("NEWSDIFF_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = min(NEWSDIFF_MAX_UPLOAD_BYTES, 2_621_440)
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSDIFF_MAX_UPLOAD_BYTES + 64 * 1024
# Fetching a URL: a time limit, a size cap, and no private addresses unless allowed
# (the tests allow them so they can fetch from a server on 127.0.0.1).
NEWSDIFF_FETCH_TIMEOUT = env_int("NEWSDIFF_FETCH_TIMEOUT", 10)
NEWSDIFF_FETCH_MAX_BYTES = env_int("NEWSDIFF_FETCH_MAX_BYTES", NEWSDIFF_MAX_UPLOAD_BYTES)
NEWSDIFF_FETCH_ALLOW_PRIVATE = env_bool("NEWSDIFF_FETCH_ALLOW_PRIVATE", False)

# Background work (docs/jobs.md): NEWSDIFF_TASKS picks where tasks wait for a worker.
# "db" (default): a table in the app's own database, run by `manage.py jobs_worker`;
# "rq": Redis at NEWSDIFF_REDIS_URL, run by the same command on any number of machines;
# "immediate": run in the process that enqueued them, when its transaction commits.
NEWSDIFF_TASKS = env_str("NEWSDIFF_TASKS", "db")
_TASK_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
if NEWSDIFF_TASKS not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"NEWSDIFF_TASKS={NEWSDIFF_TASKS!r}: use one of {', '.join(_TASK_BACKENDS)}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[NEWSDIFF_TASKS]}}
RQ_QUEUES = {
    "default": {
        "URL": env_str("NEWSDIFF_REDIS_URL", "redis://127.0.0.1:6379/0"),
        "DEFAULT_TIMEOUT": env_int("NEWSDIFF_RQ_TIMEOUT", 3600),
    }
}
# An upload aligns its story inline while that means at most this many pairs of versions;
# past it, the new version's own quotes and its pair with the reference are stored inline
# and the rest goes to a worker.
NEWSDIFF_INLINE_ALIGNMENTS = env_int("NEWSDIFF_INLINE_ALIGNMENTS", 50)
# Pairs of versions aligned per transaction (and per progress report) in background work.
NEWSDIFF_ALIGN_CHUNK = env_int("NEWSDIFF_ALIGN_CHUNK", 20)
# Files imported per task before a bulk import queues its next chunk.
NEWSDIFF_IMPORT_CHUNK = env_int("NEWSDIFF_IMPORT_CHUNK", 50)
# A running job touches its heartbeat this often; one silent for NEWSDIFF_JOB_STALE_SECONDS
# was lost with its worker, and a worker's watchdog queues it again.
NEWSDIFF_JOB_HEARTBEAT_SECONDS = env_float("NEWSDIFF_JOB_HEARTBEAT_SECONDS", 5.0)
NEWSDIFF_JOB_STALE_SECONDS = env_float("NEWSDIFF_JOB_STALE_SECONDS", 60.0)
NEWSDIFF_JOB_MAX_ATTEMPTS = env_int("NEWSDIFF_JOB_MAX_ATTEMPTS", 5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
