"""Fairmatch settings: every value comes from the environment, with a typed default here.

| variable                     | default                              |
|------------------------------|--------------------------------------|
| DATABASE_URL                 | sqlite:///<repo>/var/fairmatch.sqlite3 |
| FAIRMATCH_SECRET_KEY         | read from <var>/secret_key, made on first start |
| FAIRMATCH_DEBUG              | false                                |
| FAIRMATCH_ALLOWED_HOSTS      | localhost,127.0.0.1,[::1]            |
| FAIRMATCH_EMAIL_BACKEND      | console                              |
| FAIRMATCH_DEFAULT_FROM_EMAIL | Fairmatch <noreply@localhost>        |
| FAIRMATCH_SITE_URL           | http://127.0.0.1:8000                |
| FAIRMATCH_LANGUAGES          | en,zh-hans,ja,ko                     |
| FAIRMATCH_FONT_CACHE         | <var>/cache/fonts (PDF font instances) |
| FAIRMATCH_VAR_DIR            | <repo>/var                           |
| FAIRMATCH_TASKS_IMMEDIATE    | false (run background tasks inline)  |
| FAIRMATCH_DB_CONN_MAX_AGE    | 60 (seconds a connection is reused)  |
| FAIRMATCH_ORGANISER_MFA      | required (or optional)               |
| FAIRMATCH_CACHE              | locmem (or database, redis, a path)  |
| FAIRMATCH_CACHE_LOCATION     | the backend's (table, redis URL)     |
| FAIRMATCH_TRUSTED_PROXY_COUNT| 0 (reverse proxies before the site)  |
| FAIRMATCH_API_RATE_LIMIT     | 600/60 (API requests per token per seconds) |

HTTPS and browser security (``FAIRMATCH_HTTPS`` turns the HTTPS settings on together; each
can still be set alone; local use over http://127.0.0.1 needs them off):

| variable                           | default                                  |
|------------------------------------|------------------------------------------|
| FAIRMATCH_HTTPS                    | false                                    |
| FAIRMATCH_SSL_REDIRECT             | FAIRMATCH_HTTPS (``/health/`` is exempt) |
| FAIRMATCH_SESSION_COOKIE_SECURE    | FAIRMATCH_HTTPS                          |
| FAIRMATCH_CSRF_COOKIE_SECURE       | FAIRMATCH_HTTPS                          |
| FAIRMATCH_HSTS_SECONDS             | 31536000 with FAIRMATCH_HTTPS, else 0    |
| FAIRMATCH_HSTS_INCLUDE_SUBDOMAINS  | FAIRMATCH_HTTPS                          |
| FAIRMATCH_HSTS_PRELOAD             | false                                    |
| FAIRMATCH_SECURE_PROXY_SSL_HEADER  | unset (see below)                        |
| FAIRMATCH_CSRF_TRUSTED_ORIGINS     | the origin of FAIRMATCH_SITE_URL         |
| FAIRMATCH_REFERRER_POLICY          | same-origin                              |
| FAIRMATCH_CSP_REPORT_ONLY          | false (send the policy as report-only)   |
| FAIRMATCH_CSP_REPORT_URI           | unset (where browsers post violations)   |

FAIRMATCH_SECURE_PROXY_SSL_HEADER names a header (e.g. X-Forwarded-Proto) whose value
"https" marks a request secure: set it only behind a proxy that always sets or strips it.

FAIRMATCH_ORGANISER_MFA: ``required`` sends an organiser (or staff member) who has no second
factor (TOTP or security key) to the TOTP set-up page for every page until one is set up;
``optional`` leaves it to each person, as for delegates.

FAIRMATCH_CACHE holds the login, sign-up and password-reset rate limits and the used TOTP
codes. The default in-process memory cache is right for one web process only: with several
processes each counts on its own, so use ``database`` (run ``fairmatch createcachetable``
once) or ``redis`` (FAIRMATCH_CACHE_LOCATION=redis://host:6379/0, with the ``redis``
package installed). Rate limits count per client address: behind reverse proxies, set
FAIRMATCH_TRUSTED_PROXY_COUNT to their number so the address is read from X-Forwarded-For
(with 0 the header, which anyone can forge, is ignored).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from fairmatch.core.secret_key import read_or_create_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


VAR_DIR = Path(env_str("FAIRMATCH_VAR_DIR", str(BASE_DIR / "var")))
DEBUG = env_bool("FAIRMATCH_DEBUG", False)
# No key is built in: without FAIRMATCH_SECRET_KEY each installation makes its own random
# key once, in a file only its owner can read (the check ``fairmatch.E001`` refuses weak keys).
SECRET_KEY = os.environ.get("FAIRMATCH_SECRET_KEY") or read_or_create_secret_key(
    VAR_DIR / "secret_key"
)
ALLOWED_HOSTS = env_list("FAIRMATCH_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
SITE_URL = env_str("FAIRMATCH_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # its vendored Swagger UI (static files), never the CDN
    "fairmatch.core",
    "fairmatch.accounts",
    "fairmatch.conference",
    "fairmatch.enterprises",
    "fairmatch.matching",
    "fairmatch.exhibition",
    "fairmatch.scheduling",
    "fairmatch.onsite",
    "fairmatch.outcomes",
    "fairmatch.reports",
    "fairmatch.spreadsheets",
    "fairmatch.api",
    "fairmatch.web",
    "fairmatch.demo",
    # After the project's apps, so that their templates override allauth's.
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "fairmatch.conference.middleware.EditionTimeZoneMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "fairmatch.accounts.middleware.OrganiserTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "fairmatch.urls"
WSGI_APPLICATION = "fairmatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "fairmatch.web.context_processors.navigation",
            ],
        },
    },
    {
        # Plain-text e-mail (``*_subject.txt``, ``*_body.txt``): the same app templates,
        # never HTML-escaped, so "Culture & Media" stays itself. Used by ``send_translated``.
        "NAME": "plain_text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'fairmatch.sqlite3'}"),
        conn_max_age=int(env_str("FAIRMATCH_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets the task worker write while the web process reads.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Connections are kept (FAIRMATCH_DB_CONN_MAX_AGE) as on PostgreSQL: a new one costs a
    # file open, the pragmas above and Django's SQL functions; each process also keeps one
    # idle connection so that closing the others never folds and deletes the WAL (see
    # core.domain.sqlite_wal).
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "web:home"
AUTHENTICATION_BACKENDS = [
    # Django's own: the test client's login, `createsuperuser`'s users in scripts.
    "django.contrib.auth.backends.ModelBackend",
    # allauth's: login by e-mail with verification, rate limits and the second factor.
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): e-mail is the login, verified before the first login.
ACCOUNT_ADAPTER = "fairmatch.accounts.interfaces.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "fairmatch.accounts.interfaces.forms.EmailLoginForm",
    "signup": "fairmatch.accounts.interfaces.forms.EnterpriseSignupForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None  # User.save() keeps the username equal to the e-mail
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a mail scanner following the link verifies nothing
# Sign-up and password reset answer alike whether or not the address has an account; the
# address's owner is told by e-mail instead.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True  # password changed, second factor added or removed
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Fairmatch] "
ACCOUNT_USER_DISPLAY = str  # the full name, else the e-mail (User.__str__)
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https:") else "http"
# Per client address (ip), per e-mail address (key) or per account (user). Five wrong
# passwords for one address lock its password logins for five minutes.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ALLAUTH_TRUSTED_PROXY_COUNT = int(env_str("FAIRMATCH_TRUSTED_PROXY_COUNT", "0"))
MFA_ADAPTER = "fairmatch.accounts.interfaces.adapters.TwoFactorAdapter"
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Fairmatch"
MFA_TOTP_TOLERANCE = 1  # a code of the previous or next 30 s step is accepted (clock drift)
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG  # http://localhost while developing only
FAIRMATCH_ORGANISER_MFA = env_str("FAIRMATCH_ORGANISER_MFA", "required").strip().lower()
if FAIRMATCH_ORGANISER_MFA not in {"required", "optional"}:
    raise ImproperlyConfigured("FAIRMATCH_ORGANISER_MFA must be 'required' or 'optional'")

_CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "database": "django.core.cache.backends.db.DatabaseCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
}
_cache = env_str("FAIRMATCH_CACHE", "locmem")
_CACHE_DEFAULT_LOCATIONS = {"locmem": "fairmatch", "database": "fairmatch_cache"}
CACHES = {
    "default": {
        "BACKEND": _CACHE_BACKENDS.get(_cache, _cache),
        "LOCATION": env_str("FAIRMATCH_CACHE_LOCATION", _CACHE_DEFAULT_LOCATIONS.get(_cache, "")),
    }
}

# The REST API's limit per token (per user for the session): requests/seconds, counted in
# the cache like the login limits (use a shared cache with several web processes).
FAIRMATCH_API_RATE_LIMIT = env_str("FAIRMATCH_API_RATE_LIMIT", "600/60")

LANGUAGE_CODE = "en"
# Each language is named in itself, as readers look for their own (the switcher, sign-up).
_LANGUAGE_NAMES = {"en": "English", "zh-hans": "简体中文", "ja": "日本語", "ko": "한국어"}
LANGUAGES = [
    (code, _LANGUAGE_NAMES.get(code, code))
    for code in env_list("FAIRMATCH_LANGUAGES", ["en", "zh-hans", "ja", "ko"])
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Django's own formats, corrected where they differ from what readers expect (see there).
FORMAT_MODULE_PATH = ["fairmatch.core.formats"]
FAIRMATCH_FONT_CACHE = Path(env_str("FAIRMATCH_FONT_CACHE", str(VAR_DIR / "cache" / "fonts")))
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"

_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
_email_backend = env_str("FAIRMATCH_EMAIL_BACKEND", "console")
EMAIL_BACKEND = _EMAIL_BACKENDS.get(_email_backend, _email_backend)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env_str("FAIRMATCH_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("FAIRMATCH_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("FAIRMATCH_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("FAIRMATCH_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("FAIRMATCH_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("FAIRMATCH_DEFAULT_FROM_EMAIL", "Fairmatch <noreply@localhost>")

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("FAIRMATCH_TASKS_IMMEDIATE", False)
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# HTTPS: off by default so that the demo and the tests work over http://127.0.0.1.
HTTPS = env_bool("FAIRMATCH_HTTPS", False)
SECURE_SSL_REDIRECT = env_bool("FAIRMATCH_SSL_REDIRECT", HTTPS)
# The load balancer's liveness check may speak plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = env_bool("FAIRMATCH_SESSION_COOKIE_SECURE", HTTPS)
CSRF_COOKIE_SECURE = env_bool("FAIRMATCH_CSRF_COOKIE_SECURE", HTTPS)
SECURE_HSTS_SECONDS = int(env_str("FAIRMATCH_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("FAIRMATCH_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("FAIRMATCH_HSTS_PRELOAD", False)
# Trusting a forwarded header is only safe when the proxy in front always sets it.
_proxy_ssl_header = env_str("FAIRMATCH_SECURE_PROXY_SSL_HEADER", "").strip()
if _proxy_ssl_header:
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
_site_scheme, _, _site_rest = SITE_URL.partition("://")
CSRF_TRUSTED_ORIGINS = env_list(
    "FAIRMATCH_CSRF_TRUSTED_ORIGINS", [f"{_site_scheme}://{_site_rest.split('/')[0]}"]
)
SECURE_REFERRER_POLICY = env_str("FAIRMATCH_REFERRER_POLICY", "same-origin")

# Content Security Policy (django-csp): only the site's own files; no inline script or style.
_csp_directives: dict[str, list[str]] = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}
if env_str("FAIRMATCH_CSP_REPORT_URI", ""):
    _csp_directives["report-uri"] = [env_str("FAIRMATCH_CSP_REPORT_URI", "")]
if env_bool("FAIRMATCH_CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _csp_directives}
else:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_directives}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FAIRMATCH_LOG_LEVEL", "WARNING")},
}
