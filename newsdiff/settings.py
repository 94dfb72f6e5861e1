"""Settings, read strictly from the environment with safe local defaults.

Every knob a deployment turns is an environment variable (docs/deploy.md lists them);
nothing here needs editing to go to production.
"""

import secrets
from pathlib import Path

import dj_database_url

from newsdiff.env import env_bool, env_int, env_list, env_str

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
    "newsdiff.accounts",
    "newsdiff.audit",
    "newsdiff.stories",
    "newsdiff.quotes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

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
# otherwise (tests, `make run`), so nothing needs collecting to develop.
_COLLECTED = (STATIC_ROOT / "staticfiles.json").exists()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not _COLLECTED

# Uploads: one limit for files, pasted text and fetched pages. Anything bigger is refused
# before it is read into memory.
NEWSDIFF_MAX_UPLOAD_BYTES = env_int("NEWSDIFF_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = min(NEWSDIFF_MAX_UPLOAD_BYTES, 2_621_440)
DATA_UPLOAD_MAX_MEMORY_SIZE = NEWSDIFF_MAX_UPLOAD_BYTES + 64 * 1024
# Fetching a URL: a time limit, a size cap, and no private addresses unless allowed
# (the tests allow them so they can fetch from a server on 127.0.0.1).
NEWSDIFF_FETCH_TIMEOUT = env_int("NEWSDIFF_FETCH_TIMEOUT", 10)
NEWSDIFF_FETCH_MAX_BYTES = env_int("NEWSDIFF_FETCH_MAX_BYTES", NEWSDIFF_MAX_UPLOAD_BYTES)
NEWSDIFF_FETCH_ALLOW_PRIVATE = env_bool("NEWSDIFF_FETCH_ALLOW_PRIVATE", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
