"""Every catalogue (Simplified Chinese, Japanese, Korean, ...) is complete, compiled, and
used by the pages.

The catalogues are read with Babel (a project dependency), so the test needs no gettext
tools. Each test runs over every catalogue present under the locale folder.
"""

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext, to_locale

LOCALE_ROOT = Path(settings.LOCALE_PATHS[0])
CATALOGUES = sorted(path.parent.parent.name for path in LOCALE_ROOT.glob("*/LC_MESSAGES/django.po"))
# East Asian languages have one plural form.
PLURAL_FORMS = {
    "zh_Hans": "nplurals=1; plural=0;",
    "ja": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
}

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _po_file(locale: str) -> Path:
    return LOCALE_ROOT / locale / "LC_MESSAGES" / "django.po"


def _catalog(locale: str):
    with _po_file(locale).open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _messages(locale: str):
    """Every message of the catalogue but the header, as (msgid tuple, translations tuple)."""
    for message in _catalog(locale):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield message, ids, strings


def test_every_interface_language_but_english_has_a_catalogue_where_django_looks():
    assert to_locale("zh-hans") == "zh_Hans"
    wanted = {to_locale(code) for code, _name in settings.LANGUAGES if code != "en"}
    assert wanted <= set(CATALOGUES)
    for locale in CATALOGUES:
        assert _po_file(locale).with_suffix(".mo").is_file()


@pytest.mark.parametrize("locale", CATALOGUES)
def test_catalogue_header(locale):
    catalog = _catalog(locale)
    assert not catalog.fuzzy
    assert catalog.mime_headers and dict(catalog.mime_headers)["Language"] == locale
    assert dict(catalog.mime_headers)["Plural-Forms"] == PLURAL_FORMS[locale]


@pytest.mark.parametrize("locale", CATALOGUES)
def test_catalogue_has_no_untranslated_entries(locale):
    untranslated = [ids[0] for _, ids, strings in _messages(locale) if not all(strings)]
    assert untranslated == []


@pytest.mark.parametrize("locale", CATALOGUES)
def test_catalogue_has_no_fuzzy_entries(locale):
    fuzzy = [ids[0] for message, ids, _ in _messages(locale) if message.fuzzy]
    assert fuzzy == []


@pytest.mark.parametrize("locale", CATALOGUES)
def test_translations_keep_placeholders_and_html(locale):
    """Translations keep the python-format placeholders and the HTML of their source."""
    broken = []
    for message, ids, strings in _messages(locale):
        if "python-format" in message.flags:
            wanted = {tuple(sorted(PLACEHOLDER.findall(source))) for source in ids}
            for string in strings:
                if tuple(sorted(PLACEHOLDER.findall(string))) not in wanted:
                    broken.append((ids[0], string))
        for string in strings:
            if sorted(HTML_TAG.findall(string)) != sorted(HTML_TAG.findall(ids[0])):
                broken.append((ids[0], string))
    assert broken == []


@pytest.mark.parametrize("locale", CATALOGUES)
def test_compiled_catalogue_matches_the_po_file(locale):
    """The committed .mo holds exactly the translations of the .po (compilemessages was run)."""
    with _po_file(locale).with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    missing = []
    for message, ids, strings in _messages(locale):
        if message.context:
            found = compiled.pgettext(message.context, ids[0])
        elif len(ids) > 1:
            found = compiled.ngettext(ids[0], ids[1], 1)
        else:
            found = compiled.gettext(ids[0])
        if found != strings[0]:
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


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ja", "ko"])
def test_the_switcher_names_every_language_in_itself(client, language):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}">' in page
    for code, name in [
        ("en", "English"),
        ("zh-hans", "简体中文"),
        ("ja", "日本語"),
        ("ko", "한국어"),
    ]:
        selected = " selected" if code == language else ""
        assert f'<option value="{code}"{selected}>{name}</option>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ja", "ko"])
def test_ambiguous_words_take_their_context(client, language):
    """ "Change" on the language button and in a history are different words in Korean;
    the catalogue is asked with the context, never for the bare word."""
    page = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    with translation.override(language):
        switch = pgettext("switch the interface language", "Change")
        apply = pgettext("ask to take part in an edition", "Apply")
    assert switch != "Change"
    assert f'<noscript><button type="submit">{switch}</button></noscript>' in page
    assert apply != "Apply"
