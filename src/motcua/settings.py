"""Django settings for Motcua.

Every setting that differs between a laptop demo and a province's servers comes from an
environment variable; each one is documented in docs/operations.md. The defaults are safe for
the demo: SQLite, DEBUG off, a secret key that only works on loopback hosts.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(os.environ.get("MOTCUA_HOME", BASE_DIR.parent.parent))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("MOTCUA_DEBUG")
# The demo key is public; production must set MOTCUA_SECRET_KEY (checked by `manage.py check
# --deploy`).
SECRET_KEY = os.environ.get("MOTCUA_SECRET_KEY", "demo-only-insecure-key-change-me-in-production")
ALLOWED_HOSTS = env_list("MOTCUA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("MOTCUA_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Only for its templates and static files: the API docs (/api/v1/docs) are served from here
    # instead of a CDN, which the Content-Security-Policy below would block anyway.
    "ninja",
    "motcua.core",
    "motcua.workcal",
    "motcua.agencies",
    "motcua.accounts",
    "motcua.catalog",
    "motcua.dossiers",
    "motcua.documents",
    "motcua.payments",
    "motcua.ratings",
    "motcua.submission",
    "motcua.desk",
    "motcua.processing",
    "motcua.reports",
    "motcua.api",
    "motcua.portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Vietnamese unless the visitor chose English (not the browser's Accept-Language).
    "motcua.portal.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"
ASGI_APPLICATION = "motcua.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default so `make demo` needs nothing; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'var' / 'motcua.sqlite3'}",
        conn_max_age=int(os.environ.get("MOTCUA_DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English as the translation of the interface: English only after the visitor
# chose it with the language switcher (see motcua.portal.middleware).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("MOTCUA_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_TZ = True
# dd/mm/yyyy and 1.234.567 in both languages: the documents are Vietnamese administrative ones.
FORMAT_MODULE_PATH = ["motcua.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "/static/"
# The site shell's CSS lives beside the project templates, not in an app (motcua is no app).
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("MOTCUA_STATIC_ROOT", PROJECT_DIR / "var" / "static"))
MEDIA_ROOT = Path(os.environ.get("MOTCUA_MEDIA_ROOT", PROJECT_DIR / "var" / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": os.environ.get(
        "MOTCUA_FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Console mail for the demo; MOTCUA_EMAIL_BACKEND=smtp sends through MOTCUA_EMAIL_HOST.
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
_email_backend = os.environ.get("MOTCUA_EMAIL_BACKEND", "console")
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKENDS.get(_email_backend, _email_backend),
        "OPTIONS": {
            "host": os.environ.get("MOTCUA_EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("MOTCUA_EMAIL_PORT", "25")),
            "username": os.environ.get("MOTCUA_EMAIL_HOST_USER", ""),
            "password": os.environ.get("MOTCUA_EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("MOTCUA_EMAIL_USE_TLS"),
        }
        if _email_backend == "smtp"
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("MOTCUA_DEFAULT_FROM_EMAIL", "motcua@localhost")

LOGIN_URL = "/admin/login/"

# Content-Security-Policy: everything from this site, no inline script or style unless it
# carries the request's nonce (`{% csp_nonce_attr %}`), no framing. Django's DEBUG error pages
# use inline styles and scripts, so with DEBUG on the policy is only reported (browser console).
_CSP_POLICY = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CSP = {} if DEBUG else _CSP_POLICY
SECURE_CSP_REPORT_ONLY = _CSP_POLICY if DEBUG else {}

SESSION_COOKIE_SECURE = env_bool("MOTCUA_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MOTCUA_LOG_LEVEL", "WARNING")},
}

# Shared by every web process (the public look-up's rate limit lives here): the database cache
# table by default (created by the `api` app's migrations), never a process-local cache in
# production. MOTCUA_CACHE_BACKEND=locmem for a single process; any other value is a dotted path.
_CACHE_BACKENDS = {
    "database": "django.core.cache.backends.db.DatabaseCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
}
_cache_backend = os.environ.get("MOTCUA_CACHE_BACKEND", "database")
CACHES = {
    "default": {
        "BACKEND": _CACHE_BACKENDS.get(_cache_backend, _cache_backend),
        "LOCATION": os.environ.get("MOTCUA_CACHE_LOCATION", "motcua_cache"),
    }
}
# Requests to the public dossier look-up allowed per client IP address (docs/api.md).
MOTCUA_LOOKUP_RATE = os.environ.get("MOTCUA_LOOKUP_RATE", "30/min")
# Reverse proxies in front of the web processes: the client address is then taken from the
# X-Forwarded-For entry they appended; 0 trusts only the socket's address (REMOTE_ADDR).
NINJA_NUM_PROXIES = int(os.environ.get("MOTCUA_NUM_PROXIES", "0"))

# The desk's deadline to accept or refuse an online dossier, in working hours after submission
# (DESIGN.md "Online dossiers"; DOMAIN.md §2.4).
MOTCUA_ACCEPTANCE_WORKING_HOURS = float(os.environ.get("MOTCUA_ACCEPTANCE_WORKING_HOURS", "8"))

# Largest file a citizen or an officer may attach to a dossier, in bytes (default 10 MiB). Checked
# by `motcua.dossiers.files` while the upload is read, whatever size the client announced.
MOTCUA_UPLOAD_MAX_BYTES = int(os.environ.get("MOTCUA_UPLOAD_MAX_BYTES", str(10 * 1024 * 1024)))
