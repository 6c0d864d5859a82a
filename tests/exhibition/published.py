"""Exhibitors with applications and published plan releases (directory, figures, API and
booth meetings tests)."""

from decimal import Decimal

from fairmatch.enterprises.models import State
from fairmatch.exhibition.domain.releases import freeze, frozen_booth
from fairmatch.exhibition.models import (
    Booth,
    ExhibitorApplication,
    Hall,
    PlanRelease,
)
from tests.factories import EnterpriseFactory, ParticipationFactory


def hall(edition, *, code="H1", name_en="Hall 1", name_zh="一号馆", width=40, depth=30):
    return Hall.objects.create(
        edition=edition,
        code=code,
        name_en=name_en,
        name_zh=name_zh,
        width=Decimal(width),
        depth=Decimal(depth),
    )


def booth(hall_obj, code, *, x=0, y=0, width=3, depth=3, zone=None):
    return Booth.objects.create(
        hall=hall_obj,
        code=code,
        x=Decimal(x),
        y=Decimal(y),
        width=Decimal(width),
        depth=Decimal(depth),
        zone=zone,
    )


def exhibitor(
    edition,
    *,
    name_original,
    name_en=None,
    country="CN",
    products="",
    fields=(),
    state=State.CONFIRMED,
    meetings_at_booth=False,
    kind="provider",
    negotiator=False,
    languages=("en",),
):
    enterprise = EnterpriseFactory(
        name_original=name_original,
        name_en=name_en or name_original,
        country=country,
        kind=kind,
        languages=list(languages),
    )
    participation = ParticipationFactory(
        enterprise=enterprise,
        edition=edition,
        is_exhibitor=True,
        is_negotiator=negotiator,
        state=state,
    )
    application = ExhibitorApplication.objects.create(
        participation=participation,
        min_area=Decimal(9),
        max_area=Decimal(18),
        products=products,
        products_language="zh" if not products.isascii() else "en",
        meetings_at_booth=meetings_at_booth,
    )
    application.fields.set(fields)
    return participation


def publish(edition, placements, *, number=None):
    """A plan release with ``placements``: [(booth, participation or None)], and their
    halls, frozen as publishing freezes them."""
    number = number or (PlanRelease.objects.filter(edition=edition).count() + 1)
    release = PlanRelease.objects.create(edition=edition, number=number)
    entries = [
        frozen_booth(booth_obj, participation.pk if participation else None)
        for booth_obj, participation in placements
    ]
    halls = {booth_obj.hall_id: booth_obj.hall for booth_obj, _participation in placements}
    freeze(release, list(halls.values()), entries)
    return release
