"""factory_boy factories shared by every test module: real objects, no mocks."""

import datetime
import time
from decimal import Decimal

import factory
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from fairmatch.accounts.domain.emails import mark_addresses_verified
from fairmatch.accounts.models import User
from fairmatch.conference.models import (
    CooperationKind,
    Edition,
    ExchangeRate,
    Field,
    QualificationRule,
    Rank,
)
from fairmatch.enterprises.models import Capability, Delegate, Demand, Enterprise, Participation


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ("code",)

    code = "software"
    name_en = "Software"
    name_zh = "软件"


class CooperationKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationKind
        django_get_or_create = ("code",)

    code = "outsourcing"
    name_en = "Outsourcing purchase"
    name_zh = "服务外包采购"


class RankFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rank
        django_get_or_create = ("code",)

    code = "outsourcing_manager"
    level = 30
    name_en = "Outsourcing manager"
    name_zh = "外包经理"


def reference_ladder() -> dict[str, Rank]:
    """staff < manager < outsourcing manager < director < vice president < chief executive."""
    steps = [
        ("staff", 10, "Staff", "职员"),
        ("manager", 20, "Manager", "经理"),
        ("outsourcing_manager", 30, "Outsourcing manager", "外包经理"),
        ("director", 40, "Director", "总监"),
        ("vice_president", 50, "Vice president", "副总裁"),
        ("chief_executive", 60, "Chief executive", "首席执行官"),
    ]
    return {
        code: RankFactory(code=code, level=level, name_en=en, name_zh=zh)
        for code, level, en, zh in steps
    }


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    slug = factory.Sequence(lambda n: f"edition-{n}")
    name_en = factory.Sequence(lambda n: f"Service Outsourcing Cooperation Conference {2020 + n}")
    name_zh = factory.Sequence(lambda n: f"服务外包合作洽谈会 {2020 + n}")
    start_date = datetime.date(2027, 6, 15)
    end_date = datetime.date(2027, 6, 16)
    venue = "Dalian"
    host_country = "CN"
    status = Edition.Status.OPEN


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRate

    edition = factory.SubFactory(EditionFactory)
    currency = "JPY"
    usd_per_unit = Decimal("0.0066")


class QualificationRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QualificationRule

    edition = factory.SubFactory(EditionFactory)
    role = "buyer"
    kind = "min_contract_value"
    parameters = factory.LazyFunction(lambda: {"amount_usd": "8000000", "basis": "largest"})


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name_original = factory.Sequence(lambda n: f"Acme Outsourcing {n}")
    name_en = factory.SelfAttribute("name_original")
    country = "US"
    kind = Enterprise.Kind.BUYER
    description_language = "en"
    languages = factory.LazyFunction(lambda: ["en"])


# The organisers' TOTP secret (base32): tests compute codes from it to log in.
ORGANISER_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = ORGANISER_TOTP_SECRET, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now for the secret (RFC 6238, as allauth checks
    it); ``steps_ahead=1`` gives the next 30-second step's code, a different valid one."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + steps_ahead
    return format_hotp_value(hotp_value(secret, counter))


class UserFactory(factory.django.DjangoModelFactory):
    """An account whose e-mail address is verified (``verified_email=False``: not yet)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    full_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("correct horse battery staple")
    enterprise = factory.SubFactory(EnterpriseFactory)

    @factory.post_generation
    def verified_email(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            mark_addresses_verified(users=[self])


class OrganiserFactory(UserFactory):
    """Organiser staff with a TOTP authenticator (``ORGANISER_TOTP_SECRET``), as organisers
    must have one; ``totp=False`` makes one who has not set it up yet."""

    enterprise = None
    is_organiser = True
    is_staff = True

    @factory.post_generation
    def totp(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            TOTP.activate(self, ORGANISER_TOTP_SECRET)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    enterprise = factory.SubFactory(EnterpriseFactory)
    edition = factory.SubFactory(EditionFactory)
    is_negotiator = True


class DelegateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegate

    participation = factory.SubFactory(ParticipationFactory)
    full_name = factory.Sequence(lambda n: f"Delegate {n}")
    title = "Head of outsourcing"
    rank = factory.SubFactory(RankFactory)
    email = factory.Sequence(lambda n: f"delegate{n}@example.com")


class DemandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Demand

    participation = factory.SubFactory(ParticipationFactory)
    field = factory.SubFactory(FieldFactory)
    cooperation_kind = factory.SubFactory(CooperationKindFactory)
    value = Decimal("9000000")
    currency = "USD"
    description = "Mobile banking application maintenance, five years."
    description_language = "en"


class CapabilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capability

    participation = factory.SubFactory(
        ParticipationFactory, enterprise__kind=Enterprise.Kind.PROVIDER, enterprise__country="CN"
    )
    field = factory.SubFactory(FieldFactory)
    capacity = Decimal("20000000")
    currency = "USD"
    description = "移动应用开发与维护"
    description_language = "zh-hans"
