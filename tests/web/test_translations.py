"""The Simplified Chinese catalogue is complete, compiled, and used by the pages.

The catalogue is read with Babel (a project dependency), so the test needs no gettext tools.
"""

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation import to_locale

LOCALE_DIR = Path(settings.LOCALE_PATHS[0]) / to_locale("zh-hans") / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
MO_FILE = LOCALE_DIR / "django.mo"

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _catalog():
    with PO_FILE.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _messages():
    """Every message of the catalogue but the header, as (msgid tuple, translations tuple)."""
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield message, ids, strings


def test_language_directory_is_the_one_django_looks_up():
    assert to_locale("zh-hans") == "zh_Hans"
    assert PO_FILE.is_file()
    assert MO_FILE.is_file()


def test_catalogue_header():
    catalog = _catalog()
    assert not catalog.fuzzy
    assert catalog.mime_headers and dict(catalog.mime_headers)["Language"] == "zh_Hans"
    assert dict(catalog.mime_headers)["Plural-Forms"] == "nplurals=1; plural=0;"


def test_catalogue_has_no_untranslated_entries():
    untranslated = [ids[0] for _, ids, strings in _messages() if not all(strings)]
    assert untranslated == []


def test_catalogue_has_no_fuzzy_entries():
    fuzzy = [ids[0] for message, ids, _ in _messages() if message.fuzzy]
    assert fuzzy == []


def test_translations_keep_placeholders_and_html():
    """Translations keep the python-format placeholders and the HTML of their source."""
    broken = []
    for message, ids, strings in _messages():
        if "python-format" in message.flags:
            wanted = {tuple(sorted(PLACEHOLDER.findall(source))) for source in ids}
            for string in strings:
                if tuple(sorted(PLACEHOLDER.findall(string))) not in wanted:
                    broken.append((ids[0], string))
        for string in strings:
            if sorted(HTML_TAG.findall(string)) != sorted(HTML_TAG.findall(ids[0])):
                broken.append((ids[0], string))
    assert broken == []


def test_compiled_catalogue_matches_the_po_file():
    """The committed .mo holds exactly the translations of the .po (compilemessages was run)."""
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    missing = []
    for message, ids, strings in _messages():
        if len(ids) > 1:
            if compiled.ngettext(ids[0], ids[1], 1) != strings[0]:
                missing.append(ids[0])
        elif message.context:  # the same words read differently in another context
            if compiled.pgettext(message.context, ids[0]) != strings[0]:
                missing.append(ids[0])
        elif compiled.gettext(ids[0]) != strings[0]:
            missing.append(ids[0])
    assert missing == []


@pytest.mark.django_db
def test_home_page_renders_in_chinese(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<html lang="zh-hans">' in page
    assert "商务对接洽谈会" in page  # Business matchmaking conferences
    assert ">登录</a>" in page  # Log in
    assert ">注册</a>" in page  # Sign up
    assert "Log in" not in page
    assert "Sign up" not in page


@pytest.mark.django_db
def test_login_page_renders_in_chinese_from_the_language_cookie(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    page = client.get("/accounts/login/").content.decode()
    assert "<title>登录" in page
    assert "<h1>登录</h1>" in page
    assert "还没有账号？" in page  # No account yet?
    assert "No account yet?" not in page
    assert "Password" not in page


@pytest.mark.django_db
def test_english_stays_the_default(client):
    page = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Log in</h1>" in page
    assert "登录" not in page
