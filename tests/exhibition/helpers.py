"""Objects the exhibitor-side tests build: halls and booths, a drafted exhibition part."""

from decimal import Decimal
from typing import Any

from fairmatch.conference.models import Edition
from fairmatch.enterprises.models import Participation
from fairmatch.exhibition.models import Booth, ExhibitorApplication, Hall, Zone


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
