"""Django settings for Motcua.

Every setting that differs between a laptop demo and a province's servers comes from an
environment variable; each one is documented in docs/operations.md. The defaults are safe for
the demo: SQLite, DEBUG off, a secret key that only works on loopback hosts.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
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
    # Sign-in lockout and staff's two-factor sign-in (motcua.accounts, docs/accounts.md). Before
    # the project's apps: accounts/admin.py replaces django-otp's device admin and axes' lockouts.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # Only for its templates and static files: the API docs (/api/v1/docs) are served from here
    # instead of a CDN, which the Content-Security-Policy below would block anyway.
    "ninja",
    "motcua.core",
    "motcua.workcal",
    "motcua.agencies",
    "motcua.accounts",
    "motcua.catalog",
    "motcua.dossiers",
    "django_tasks_db",
    "motcua.outbox",
    "motcua.notify",
    "motcua.sync",
    "motcua.postal",
    "motcua.documents",
    "motcua.payments",
    "motcua.ratings",
    "motcua.submission",
    "motcua.desk",
    "motcua.processing",
    "motcua.reports",
    "motcua.api",
    "motcua.portal",
    "motcua.audit",
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
    # Marks sessions that passed the second step; staff pages send the others to it.
    "django_otp.middleware.OTPMiddleware",
    "motcua.accounts.middleware.StaffSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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
                "motcua.accounts.sections.staff_sections",
            ],
        },
    },
]

# SQLite by default so `make demo` needs nothing; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'var' / 'motcua.sqlite3'}",
        conn_max_age=int(os.environ.get("MOTCUA_DB_CONN_MAX_AGE", "60")),
        # A persistent connection is checked before a request reuses it: after a database
        # restart the first request of each idle thread would otherwise fail with a 500
        # (tests/faults/test_database_outage_under_load.py).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo runs a background worker and the scheduler beside the web server: WAL lets
    # readers go on during a write, and writers wait for the lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE",
        "timeout": 20,
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
# Uploaded files (dossier attachments, the catalog's form templates) go through Django's storage
# API: the local disk under MEDIA_ROOT by default, or an S3-compatible object store that every
# machine shares (MOTCUA_FILE_STORAGE=s3: AWS, MinIO, Ceph RGW, a provincial cloud). They hold
# personal data: objects are private and never handed out as URLs; pages stream them after an
# access check (motcua.dossiers.views, motcua.catalog.views).
_FILE_STORAGES = {
    "local": "django.core.files.storage.FileSystemStorage",
    "s3": "storages.backends.s3.S3Storage",
}
_file_storage = os.environ.get("MOTCUA_FILE_STORAGE", "local")
_file_backend = _FILE_STORAGES.get(_file_storage, _file_storage)
_on_s3 = _file_backend == _FILE_STORAGES["s3"]
_S3_OPTIONS = {
    "bucket_name": os.environ.get("MOTCUA_S3_BUCKET", ""),
    # An S3-compatible server's address (https://s3.example.gov.vn); empty means AWS itself.
    "endpoint_url": os.environ.get("MOTCUA_S3_ENDPOINT_URL") or None,
    "region_name": os.environ.get("MOTCUA_S3_REGION") or None,
    # Empty: boto3's own chain (AWS_ACCESS_KEY_ID…, an instance role).
    "access_key": os.environ.get("MOTCUA_S3_ACCESS_KEY_ID") or None,
    "secret_key": os.environ.get("MOTCUA_S3_SECRET_ACCESS_KEY") or None,
    # "path" (https://host/bucket/key) suits most on-premises servers; "virtual" AWS.
    "addressing_style": os.environ.get("MOTCUA_S3_ADDRESSING_STYLE") or None,
    "location": os.environ.get("MOTCUA_S3_PREFIX", "media/").strip("/"),
    # Empty sends no ACL at all, for buckets whose ACLs are disabled (the bucket is private).
    "default_acl": os.environ.get("MOTCUA_S3_DEFAULT_ACL", "private") or None,
    "verify": os.environ.get("MOTCUA_S3_CA_BUNDLE") or None,
    # Never a public URL: should anything ask for one, it is signed and lives five minutes.
    "querystring_auth": True,
    "querystring_expire": 300,
    "signature_version": "s3v4",  # what MinIO and Ceph expect; SigV2 is deprecated
    # Two uploads with one name both stay (the catalog's templates keep the administrator's
    # file name), as on the local disk; S3Storage would overwrite by default.
    "file_overwrite": False,
    # A file read from the store spills from memory to a temporary file past 2 MiB.
    "max_memory_size": 2 * 1024 * 1024,
}
if _on_s3 and not _S3_OPTIONS["bucket_name"]:
    raise ImproperlyConfigured("MOTCUA_FILE_STORAGE=s3 needs MOTCUA_S3_BUCKET")
STORAGES = {
    "default": {"BACKEND": _file_backend}
    | ({"OPTIONS": _S3_OPTIONS} if _on_s3 else {}),
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

LOGIN_URL = "accounts:login"

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
# The session cookie is never readable by scripts; Lax keeps it off cross-site POSTs and
# embedded requests while links from e-mails and the national portal still arrive signed in.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The CSRF cookie stays readable: API calls on the session send it back as X-CSRFToken
# (docs/api.md); it is worthless to another site, which cannot read it.
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False

# HTTPS: usually the reverse proxy redirects and sends HSTS (docs/operations.md); these let
# the application do it when the proxy does not. Behind a proxy that terminates TLS, Django
# sees plain HTTP: MOTCUA_SECURE_PROXY_SSL_HEADER trusts its `X-Forwarded-Proto: https` —
# only when the proxy always sets (or strips) that header, else a client could forge it.
SECURE_HSTS_SECONDS = int(os.environ.get("MOTCUA_HSTS_SECONDS", "0") or 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("MOTCUA_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("MOTCUA_HSTS_PRELOAD")
SECURE_SSL_REDIRECT = env_bool("MOTCUA_SSL_REDIRECT")
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("MOTCUA_SECURE_PROXY_SSL_HEADER") else None
)

# Every handler masks personal data (CCCD, phone, e-mail; motcua.core.logging, Law
# 91/2025/QH15 on personal data protection). `django` and `django.server` are named so that
# Django's default handlers (which would print unmasked) are replaced; `granian.access` is
# granian's access log (a Python logger, written only with granian's --access-log), replaced
# once Django starts in the worker.
_MASKED = {"filters": ["personal_data"]}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "motcua.core.logging.PersonalDataFilter"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter",
                          "format": "[{server_time}] {message}", "style": "{"},
        "plain": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", **_MASKED},
        "django.server": {"class": "logging.StreamHandler", "formatter": "django.server",
                          **_MASKED},
        "access": {"class": "logging.StreamHandler", "formatter": "plain",
                   "stream": "ext://sys.stdout", **_MASKED},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("MOTCUA_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
        "granian.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}

# Shared by every web process (the public look-up's rate limit lives here): the database cache
# table by default (created by the `api` app's migrations), or Redis (`redis`, one round trip
# instead of up to six queries per look-up: docs/performance.md); never a process-local cache
# in production. MOTCUA_CACHE_BACKEND=locmem for a single process; any other value is a path.
_CACHE_BACKENDS = {
    "database": "django.core.cache.backends.db.DatabaseCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
}
_cache_backend = os.environ.get("MOTCUA_CACHE_BACKEND", "database")
CACHES = {
    "default": {
        "BACKEND": _CACHE_BACKENDS.get(_cache_backend, _cache_backend),
        "LOCATION": os.environ.get("MOTCUA_CACHE_LOCATION") or (
            "redis://127.0.0.1:6379/0" if _cache_backend == "redis" else "motcua_cache"),
    }
}
# How long the home page's data (the catalog's sections, the year's figures) stays in the shared
# cache: as fresh as what it shows, since the scheduler recounts the rollups every minute
# (outbox/periodic.py "rollups-stale"); 0 computes it on every visit.
MOTCUA_HOME_CACHE_SECONDS = int(os.environ.get("MOTCUA_HOME_CACHE_SECONDS", "60"))
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

# --- documents (printed forms, motcua.documents) ---
# The public address of this site, written into printed forms: the QR code on every form links
# to <MOTCUA_PUBLIC_BASE_URL>/tra-cuu/?ma=<code>. A PDF leaves the server, so it must be absolute.
MOTCUA_PUBLIC_BASE_URL = os.environ.get("MOTCUA_PUBLIC_BASE_URL", "http://localhost:8000")

# --- accounts: citizens' sign-in, the login rate limit, OpenID Connect (docs/accounts.md) ---
# Sign in with a phone number, an e-mail address or a user name; the admin keeps its own page.
# django-axes' backend first: it refuses a locked-out identifier or address before any password
# is checked, on our sign-in page and the admin's alike.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "motcua.accounts.backends.IdentifierBackend"]
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"
# Failed sign-ins allowed within the window, per identifier typed and per client IP address.
MOTCUA_LOGIN_MAX_FAILURES = int(os.environ.get("MOTCUA_LOGIN_MAX_FAILURES", "5"))
MOTCUA_LOGIN_MAX_FAILURES_PER_IP = int(os.environ.get("MOTCUA_LOGIN_MAX_FAILURES_PER_IP", "20"))
MOTCUA_LOGIN_WINDOW_SECONDS = int(os.environ.get("MOTCUA_LOGIN_WINDOW_SECONDS", "900"))
# django-axes, configured from the MOTCUA_LOGIN_* settings above (motcua.accounts.login_limits):
# failures in the database (every process sees them, the admin lists them), counted per folded
# identifier and per client address, each against its own limit.
AXES_HANDLER = "motcua.accounts.login_limits.LockoutHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # this order: LockoutHandler reads it
AXES_USERNAME_FORM_FIELD = "identifier"
AXES_USERNAME_CALLABLE = "motcua.accounts.login_limits.identifier_of"
AXES_CLIENT_IP_CALLABLE = "motcua.core.http.client_address"
AXES_FAILURE_LIMIT = "motcua.accounts.login_limits.failure_limit"
AXES_COOLOFF_TIME = "motcua.accounts.login_limits.cool_off"
AXES_LOCKOUT_CALLABLE = "motcua.accounts.login_limits.lockout_response"
AXES_RESET_ON_SUCCESS = True
# A locked-out attempt does not restart the window (the lock ends on time, as announced).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No table of every sign-in (personal data with no retention rule): only failures are kept.
AXES_DISABLE_ACCESS_LOG = True
# Never in the stored request data or the logs: what was typed and the CSRF token.
AXES_SENSITIVE_PARAMETERS = ["username", "identifier", "ip_address", "csrfmiddlewaretoken"]
# Two-factor sign-in for staff (motcua.accounts.two_factor): off only for demos and tests.
MOTCUA_STAFF_OTP_REQUIRED = env_bool("MOTCUA_STAFF_OTP_REQUIRED", True)
# The name authenticator apps show beside the code.
MOTCUA_STAFF_OTP_ISSUER = os.environ.get("MOTCUA_STAFF_OTP_ISSUER", "Motcua")
# Enrolling an authenticator needs only the password: whoever holds it first would own the
# second factor. Staff may enrol only within this many days of their account's creation or of
# an administrator's reset; after that, an administrator opens it again.
MOTCUA_STAFF_OTP_ENROL_DAYS = int(os.environ.get("MOTCUA_STAFF_OTP_ENROL_DAYS", "7"))
OTP_TOTP_ISSUER = MOTCUA_STAFF_OTP_ISSUER
# OpenID Connect (where VNeID plugs in): on only when the client and all endpoints are set.
MOTCUA_OIDC_CLIENT_ID = os.environ.get("MOTCUA_OIDC_CLIENT_ID", "")
MOTCUA_OIDC_CLIENT_SECRET = os.environ.get("MOTCUA_OIDC_CLIENT_SECRET", "")
MOTCUA_OIDC_AUTHORIZATION_ENDPOINT = os.environ.get("MOTCUA_OIDC_AUTHORIZATION_ENDPOINT", "")
MOTCUA_OIDC_TOKEN_ENDPOINT = os.environ.get("MOTCUA_OIDC_TOKEN_ENDPOINT", "")
MOTCUA_OIDC_USERINFO_ENDPOINT = os.environ.get("MOTCUA_OIDC_USERINFO_ENDPOINT", "")
MOTCUA_OIDC_JWKS_ENDPOINT = os.environ.get("MOTCUA_OIDC_JWKS_ENDPOINT", "")
MOTCUA_OIDC_ENABLED = all((
    MOTCUA_OIDC_CLIENT_ID, MOTCUA_OIDC_CLIENT_SECRET, MOTCUA_OIDC_AUTHORIZATION_ENDPOINT,
    MOTCUA_OIDC_TOKEN_ENDPOINT, MOTCUA_OIDC_USERINFO_ENDPOINT, MOTCUA_OIDC_JWKS_ENDPOINT,
))
# The claim carrying the 12-digit CCCD number (VNeID's name for it is set per contract).
MOTCUA_OIDC_CCCD_CLAIM = os.environ.get("MOTCUA_OIDC_CCCD_CLAIM", "cccd")
# mozilla-django-oidc's own settings, read from the MOTCUA_OIDC_* ones above.
OIDC_RP_CLIENT_ID = MOTCUA_OIDC_CLIENT_ID
OIDC_RP_CLIENT_SECRET = MOTCUA_OIDC_CLIENT_SECRET
OIDC_OP_AUTHORIZATION_ENDPOINT = MOTCUA_OIDC_AUTHORIZATION_ENDPOINT
OIDC_OP_TOKEN_ENDPOINT = MOTCUA_OIDC_TOKEN_ENDPOINT
OIDC_OP_USER_ENDPOINT = MOTCUA_OIDC_USERINFO_ENDPOINT
OIDC_OP_JWKS_ENDPOINT = MOTCUA_OIDC_JWKS_ENDPOINT
OIDC_RP_SIGN_ALGO = os.environ.get("MOTCUA_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("MOTCUA_OIDC_SCOPES", "openid profile email phone")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-callback"
if MOTCUA_OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("motcua.accounts.oidc.CitizenOIDCBackend")

# Online payment of fees (app `motcua.payments`, docs/payments.md). The defaults point at the
# fake gateway (`motcua fake_gateway --port 8301`) with a public demo merchant secret; production
# sets the gateway's real URLs, merchant code and secret.
MOTCUA_PAYMENT_URL = os.environ.get(
    "MOTCUA_PAYMENT_URL", "http://127.0.0.1:8301/paymentv2/vpcpay.html")
MOTCUA_PAYMENT_API_URL = os.environ.get(
    "MOTCUA_PAYMENT_API_URL", "http://127.0.0.1:8301/merchant_webapi/api/transaction")
MOTCUA_PAYMENT_TMN_CODE = os.environ.get("MOTCUA_PAYMENT_TMN_CODE", "MOTCUA01")
MOTCUA_PAYMENT_SECRET = os.environ.get("MOTCUA_PAYMENT_SECRET", "demo-only-payment-secret")
# Where the gateway sends its server-to-server notifications (IPN) to: this site's public
# address; the IPN path /thanh-toan/ipn/ is appended (registered at the gateway).
MOTCUA_PAYMENT_IPN_BASE_URL = os.environ.get("MOTCUA_PAYMENT_IPN_BASE_URL",
                                             "http://127.0.0.1:8000")
# Seconds to wait for the gateway's server-to-server API (querydr, refund).
MOTCUA_PAYMENT_TIMEOUT = float(os.environ.get("MOTCUA_PAYMENT_TIMEOUT", "10"))
# Minutes a payment order stays payable at the gateway (vnp_ExpireDate).
MOTCUA_PAYMENT_EXPIRE_MINUTES = int(os.environ.get("MOTCUA_PAYMENT_EXPIRE_MINUTES", "15"))

# Background work (motcua.outbox, motcua.notify; docs/operations.md). Tasks are stored in the
# database and run by `motcua db_worker`; `immediate` runs them in the web process right after
# commit (tests, a one-process demo without a worker).
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = os.environ.get("MOTCUA_TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS.get(_tasks_backend, _tasks_backend)}}
# A worker holds an outbox message this long; if it dies mid-job another worker takes it after.
MOTCUA_OUTBOX_LEASE_SECONDS = int(os.environ.get("MOTCUA_OUTBOX_LEASE_SECONDS", "300"))
# After this many failed tries a message is marked failed for an administrator to retry.
MOTCUA_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("MOTCUA_OUTBOX_MAX_ATTEMPTS", "8"))
# SMS and Zalo: "console", "file" (JSON lines in MOTCUA_SMS_FILE) or a provider client's path.
MOTCUA_SMS_BACKEND = os.environ.get("MOTCUA_SMS_BACKEND", "console")
MOTCUA_SMS_FILE = Path(os.environ.get("MOTCUA_SMS_FILE", PROJECT_DIR / "var" / "sms.jsonl"))
# Desk officers are alerted when an online dossier's acceptance deadline is this close.
MOTCUA_ACCEPTANCE_ALERT_HOURS = float(os.environ.get("MOTCUA_ACCEPTANCE_ALERT_HOURS", "2"))

# The national public-service portal's dossier sync (motcua.sync): empty turns it off. The demo
# points it at the fake receiver (`motcua fake_portal --port 8302`).
MOTCUA_SYNC_URL = os.environ.get("MOTCUA_SYNC_URL", "")
MOTCUA_SYNC_TOKEN = os.environ.get("MOTCUA_SYNC_TOKEN", "")
MOTCUA_SYNC_TIMEOUT = float(os.environ.get("MOTCUA_SYNC_TIMEOUT", "10"))

# The public postal service's order API (motcua.postal): the demo's fake runs on port 8303
# (`motcua fake_vnpost`). Production sets the province's integration platform (LGSP) address,
# the customer code and token VNPost issued, and the secret its status callbacks are signed with.
MOTCUA_VNPOST_URL = os.environ.get("MOTCUA_VNPOST_URL", "http://127.0.0.1:8303")
MOTCUA_VNPOST_TOKEN = os.environ.get("MOTCUA_VNPOST_TOKEN", "")
MOTCUA_VNPOST_CUSTOMER_CODE = os.environ.get("MOTCUA_VNPOST_CUSTOMER_CODE", "MOTCUA-DEMO")
MOTCUA_VNPOST_CALLBACK_SECRET = os.environ.get("MOTCUA_VNPOST_CALLBACK_SECRET",
                                               "demo-only-postal-secret")
MOTCUA_VNPOST_TIMEOUT = float(os.environ.get("MOTCUA_VNPOST_TIMEOUT", "10"))
