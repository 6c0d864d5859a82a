"""Fairmatch settings: every value comes from the environment, with a typed default here.

| variable                     | default                              |
|------------------------------|--------------------------------------|
| DATABASE_URL                 | sqlite:///<repo>/var/fairmatch.sqlite3 |
| FAIRMATCH_SECRET_KEY         | an insecure development key          |
| FAIRMATCH_DEBUG              | false                                |
| FAIRMATCH_ALLOWED_HOSTS      | localhost,127.0.0.1,[::1]            |
| FAIRMATCH_EMAIL_BACKEND      | console                              |
| FAIRMATCH_DEFAULT_FROM_EMAIL | Fairmatch <noreply@localhost>        |
| FAIRMATCH_SITE_URL           | http://127.0.0.1:8000                |
| FAIRMATCH_LANGUAGES          | en,zh-hans                           |
| FAIRMATCH_VAR_DIR            | <repo>/var                           |
| FAIRMATCH_TASKS_IMMEDIATE    | false (run background tasks inline)  |
| FAIRMATCH_DB_CONN_MAX_AGE    | 60 (seconds a connection is reused)  |
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

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
SECRET_KEY = env_str(
    "FAIRMATCH_SECRET_KEY", "insecure-development-key-set-FAIRMATCH_SECRET_KEY-in-production"
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
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "fairmatch.core",
    "fairmatch.accounts",
    "fairmatch.conference",
    "fairmatch.enterprises",
    "fairmatch.matching",
    "fairmatch.scheduling",
    "fairmatch.reports",
    "fairmatch.web",
    "fairmatch.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

LANGUAGE_CODE = "en"
_LANGUAGE_NAMES = {"en": _("English"), "zh-hans": _("Simplified Chinese")}
LANGUAGES = [
    (code, _LANGUAGE_NAMES.get(code, code))
    for code in env_list("FAIRMATCH_LANGUAGES", ["en", "zh-hans"])
]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
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
if not DEBUG:
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FAIRMATCH_LOG_LEVEL", "WARNING")},
}
