"""A small exhibition for the allocation tests: one hall, a row of booths, exhibitors."""

from decimal import Decimal

from fairmatch.enterprises.models import Enterprise, State
from fairmatch.exhibition.models import Booth, ExhibitorApplication, Hall
from tests.factories import EditionFactory, EnterpriseFactory, ParticipationFactory, UserFactory


def hall_with_booths(edition=None, *, count=4, width=3, depth=3, code="A"):
    """A hall with ``count`` booths of width x depth side by side along its north wall:
    ``A-1``, ``A-2``..."""
    edition = edition or EditionFactory()
    hall = Hall.objects.create(
        edition=edition,
        code=code,
        name_en=f"Hall {code}",
        name_zh=f"{code}馆",
        width=Decimal(max(count * width, 1) + 10),
        depth=Decimal(depth + 10),
        entrances=[[0, 5]],
    )
    for index in range(count):
        Booth.objects.create(
            hall=hall,
            code=str(index + 1),
            x=Decimal(index * width),
            y=Decimal(0),
            width=Decimal(width),
            depth=Decimal(depth),
        )
    return hall


def exhibitor(
    edition,
    *,
    name="Exhibitor",
    state=State.CONFIRMED,
    min_area=9,
    max_area=9,
    country="FR",
    language="en",
    **extra,
):
    """An exhibitor application of the edition, with one member reading ``language``."""
    enterprise = EnterpriseFactory(
        name_original=name, name_en=name, country=country, kind=Enterprise.Kind.PROVIDER
    )
    UserFactory(enterprise=enterprise, language=language)
    participation = ParticipationFactory(
        enterprise=enterprise,
        edition=edition,
        is_exhibitor=True,
        is_negotiator=False,
        state=state,
    )
    return ExhibitorApplication.objects.create(
        participation=participation,
        min_area=Decimal(min_area),
        max_area=Decimal(max_area),
        products="Cloud migration services",
        products_language="en",
        **extra,
    )


def booth(hall, code):
    return Booth.objects.get(hall=hall, code=code)
