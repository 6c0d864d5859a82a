"""Objects the exhibition tests build: halls and booths, exhibitors, plan releases."""

from decimal import Decimal
from typing import Any

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.domain.releases import freeze, frozen_booth
from fairmatch.exhibition.models import (
    Booth,
    BoothAssignment,
    ExhibitorApplication,
    Hall,
    PlanRelease,
    Zone,
)
from tests.factories import EditionFactory, EnterpriseFactory, ParticipationFactory


def hall(edition: Any = None, *, code: str = "H1", width: str = "30", depth: str = "20") -> Hall:
    return Hall.objects.create(
        edition=edition or EditionFactory(),
        code=code,
        name_en=f"Hall {code}",
        name_zh=f"{code}号馆",
        width=Decimal(width),
        depth=Decimal(depth),
        entrances=[[0, 10]],
    )


def booth(
    hall_obj: Hall, code: str, x: float, y: float, w: float = 3, d: float = 3, **kw: Any
) -> Booth:
    return Booth.objects.create(
        hall=hall_obj,
        code=code,
        x=Decimal(str(x)),
        y=Decimal(str(y)),
        width=Decimal(str(w)),
        depth=Decimal(str(d)),
        **kw,
    )


def exhibitor(
    edition: Any, *, name: str = "Acme Exhibits", name_en: str = "", **kw: Any
) -> ExhibitorApplication:
    enterprise = EnterpriseFactory(name_original=name, name_en=name_en or name, country="DE")
    participation = ParticipationFactory(
        enterprise=enterprise, edition=edition, is_negotiator=False, is_exhibitor=True
    )
    return ExhibitorApplication.objects.create(
        participation=participation,
        min_area=kw.pop("min_area", Decimal("6")),
        max_area=kw.pop("max_area", Decimal("12")),
        products=kw.pop("products", "Cloud services"),
        products_language="en",
        **kw,
    )


def assign(booth_obj: Booth, application: ExhibitorApplication) -> BoothAssignment:
    return BoothAssignment.objects.create(booth=booth_obj, application=application)


def publish(edition: Any, assignments: dict[Booth, ExhibitorApplication | None]) -> PlanRelease:
    """A plan release holding the given booths (with their exhibitor, or free) and their
    halls, frozen as publishing freezes them."""
    number = PlanRelease.objects.filter(edition=edition).count() + 1
    release = PlanRelease.objects.create(edition=edition, number=number)
    entries = [
        frozen_booth(booth_obj, application.participation_id if application else None)
        for booth_obj, application in assignments.items()
    ]
    halls = {booth_obj.hall_id: booth_obj.hall for booth_obj in assignments}
    freeze(release, list(halls.values()), entries)
    return release


def hall_with_booths(edition: Edition, *sizes: tuple[str, str], code: str = "h1") -> Hall:
    """A hall of the edition with one booth per (width, depth) given, in a row."""
    hall = Hall.objects.create(
        edition=edition,
        code=code,
        name_en=f"Hall {code.upper()}",
        name_zh=f"{code.upper()}馆",
        width=Decimal("100"),
        depth=Decimal("50"),
    )
    x = Decimal(0)
    for index, (width, depth) in enumerate(sizes, start=1):
        Booth.objects.create(
            hall=hall,
            code=f"{code.upper()}{index:02d}",
            x=x,
            y=Decimal(0),
            width=Decimal(width),
            depth=Decimal(depth),
        )
        x += Decimal(width)
    return hall


def zone_in(hall: Hall, name: str = "Software pavilion") -> Zone:
    return Zone.objects.create(hall=hall, kind=Zone.Kind.OTHER, name_en=name, name_zh="软件馆")


def exhibition_part(participation: Participation, **values: Any) -> ExhibitorApplication:
    """A written exhibition part (9–18 m², shell scheme) of the participation."""
    defaults: dict[str, Any] = {
        "min_area": Decimal("9"),
        "max_area": Decimal("18"),
        "products": "Animation pipeline services",
        "products_language": "en",
    }
    return ExhibitorApplication.objects.create(participation=participation, **(defaults | values))
