"""Enterprises with very similar names are named only to a verified member, after sign-up;
the new enterprise applies once its member says it is a different one."""

import pytest
from django.core import mail

from fairmatch.accounts.domain.signup import register_enterprise
from fairmatch.enterprises.models import Enterprise, Participation
from tests.accounts.helpers import mailed_link
from tests.accounts.test_signup import CONFIRM_LINK, VALID
from tests.factories import EditionFactory, EnterpriseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered():
    return EnterpriseFactory(
        name_original="大连华信软件股份有限公司",
        name_en="Dalian Hua Xin Software Co Ltd",
        country="CN",
    )


def test_the_sign_up_answer_names_no_registered_enterprise(client, registered):
    similar = client.post(
        "/accounts/signup/", {**VALID, "name_original": "大连华信软件股份有限公司 "}, follow=True
    )
    unique = type(client)().post(
        "/accounts/signup/",
        {
            **VALID,
            "email": "wang.fang@example.cn",
            "name_original": "上海全新科技有限公司",
            "name_en": "",
        },
        follow=True,
    )
    assert similar.redirect_chain == unique.redirect_chain == [("/accounts/confirm-email/", 302)]
    for response in (similar, unique):
        page = response.content.decode()
        assert "Dalian Hua Xin" not in page
    for message in mail.outbox:
        assert "Dalian Hua Xin" not in message.body
    new = Enterprise.objects.get(name_en="Dalian Huaxin Software Co., Ltd.")
    assert new.duplicate_question_open


def test_after_verification_the_similar_enterprises_are_shown_and_the_answer_recorded(
    client, registered
):
    client.post("/accounts/signup/", {**VALID, "language": "en"})  # pages after login: English
    response = client.post(mailed_link("li.wei@example.cn", CONFIRM_LINK), follow=True)
    assert response.redirect_chain == [("/accounts/welcome/", 302)]
    assert [e.name_en for e in response.context["similar"]] == ["Dalian Hua Xin Software Co Ltd"]
    page = response.content.decode()
    assert (
        '<ul id="similar-enterprises"><li>大连华信软件股份有限公司 / '
        "Dalian Hua Xin Software Co Ltd (China)</li></ul>"
    ) in page
    assert "If yours is one of them, ask its contact to add you to it" in page

    unticked = client.post("/accounts/welcome/", {})
    assert list(unticked.context["form"].errors) == ["not_a_duplicate"]
    answered = client.post("/accounts/welcome/", {"not_a_duplicate": "on"})
    assert (answered.status_code, answered.url) == (302, "/my/enterprise/")
    assert not Enterprise.objects.get(
        name_en="Dalian Huaxin Software Co., Ltd."
    ).duplicate_question_open


def test_the_question_comes_back_at_each_login_until_answered(client, registered):
    user = UserFactory(email="li.wei@example.cn", enterprise=None)
    register_enterprise(
        user=user,
        **{
            k: VALID[k]
            for k in ("full_name", "language", "name_original", "name_en", "country", "kind")
        },
        description_language="zh-hans",
    )
    response = client.post(
        "/accounts/login/",
        {"login": "li.wei@example.cn", "password": "correct horse battery staple"},
    )
    assert response.url == "/accounts/welcome/"


def test_applications_wait_for_the_answer(client, registered):
    edition = EditionFactory()
    user = UserFactory(email="li.wei@example.cn", enterprise=None)
    register_enterprise(
        user=user,
        full_name="Li Wei",
        language="zh-hans",
        name_original="大连华信软件股份有限公司",
        name_en="",
        country="CN",
        kind="provider",
        description_language="zh-hans",
    )
    client.force_login(user)
    start = client.get(f"/apply/{edition.slug}/").content.decode()
    assert 'href="/accounts/welcome/">Answer now</a>' in start
    refused = client.post(f"/apply/{edition.slug}/", {"is_negotiator": "on"}, follow=True)
    assert [str(m) for m in refused.context["messages"]] == [
        "Enterprises with a very similar name are already registered: first tell us whether "
        "yours is one of them."
    ]
    assert not Participation.objects.filter(enterprise=user.enterprise).exists()

    client.post("/accounts/welcome/", {"not_a_duplicate": "on"})
    client.post(f"/apply/{edition.slug}/", {"is_negotiator": "on"})
    assert Participation.objects.filter(enterprise=user.enterprise).count() == 1


def test_the_same_name_in_another_country_asks_nothing(client):
    EnterpriseFactory(name_original="Global Outsourcing Inc.", country="US")
    client.post(
        "/accounts/signup/",
        {**VALID, "name_original": "Global Outsourcing Inc.", "name_en": "", "country": "CA"},
    )
    assert not Enterprise.objects.get(country="CA").duplicate_question_open
    response = client.post(mailed_link("li.wei@example.cn", CONFIRM_LINK), follow=True)
    assert response.redirect_chain == [("/accounts/welcome/", 302), ("/my/enterprise/", 302)]


def test_a_member_without_an_open_question_passes_the_welcome_page(client):
    client.force_login(UserFactory())
    response = client.get("/accounts/welcome/")
    assert (response.status_code, response.url) == (302, "/my/enterprise/")


def test_a_hostile_registered_name_is_shown_as_text(client):
    EnterpriseFactory(name_original="<script>alert(1)</script> Huaxin", country="CN")
    user = UserFactory(email="li.wei@example.cn", enterprise=None)
    register_enterprise(
        user=user,
        full_name="Li Wei",
        language="en",
        name_original="<script>alert(1)</script> Huaxin Ltd",
        name_en="",
        country="CN",
        kind="provider",
        description_language="en",
    )
    client.force_login(user)
    page = client.get("/accounts/welcome/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Huaxin (China)" in page
    assert "<script>alert" not in page


def test_the_different_enterprise_box_stands_only_beside_the_look_alikes(client, registered):
    client.post("/accounts/signup/", VALID)
    response = client.post(mailed_link("li.wei@example.cn", CONFIRM_LINK), follow=True)
    page = response.content.decode()
    question = page[
        page.index('id="similar-question"') : page.index(
            "</form>", page.index('id="similar-question"')
        )
    ]
    assert 'id="similar-enterprises"' in question
    assert 'name="not_a_duplicate"' in question
    assert page.count('name="not_a_duplicate"') == 1
    # Without look-alikes the welcome page sends the member on, and no page asks.
    registered.delete()
    response = client.get("/accounts/welcome/", follow=True)
    assert response.redirect_chain == [("/my/enterprise/", 302)]
    assert 'name="not_a_duplicate"' not in response.content.decode()
