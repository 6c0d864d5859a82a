"""Every page of an edition reads and writes times in the conference's zone, and the zone is
not left active for the next request."""

import datetime

import pytest

from fairmatch.scheduling.domain import releases
from fairmatch.scheduling.models import Release
from tests.factories import OrganiserFactory
from tests.matching.helpers import buyer
from tests.scheduling.helpers import accepted_meetings, grid_edition

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.datetime(2027, 6, 1, 1, 49, tzinfo=datetime.UTC)  # 09:49 in Shanghai


@pytest.fixture
def edition():
    edition = grid_edition(slots=2, tables=1, timezone="Asia/Shanghai")
    accepted_meetings(edition, 1, buyers=[buyer(edition)])
    releases.publish(edition=edition, name="first", user=None)
    Release.objects.update(published_at=PUBLISHED)
    return edition


def test_an_organiser_page_shows_times_in_the_edition_zone(client, edition):
    client.force_login(OrganiserFactory())
    page = client.get(f"/organiser/{edition.slug}/schedule/").content.decode()
    assert "9:49" in page and "1:49" not in page


def test_the_zone_follows_a_change_of_the_edition(client, edition):
    client.force_login(OrganiserFactory())
    client.get(f"/organiser/{edition.slug}/schedule/")
    edition.timezone = "Europe/Berlin"
    edition.save()
    page = client.get(f"/organiser/{edition.slug}/schedule/").content.decode()
    assert "3:49" in page  # 01:49 UTC is 03:49 in Berlin in June


def test_the_zone_is_not_left_active_for_the_next_request(client, edition):
    from django.utils import timezone

    client.force_login(OrganiserFactory())
    client.get(f"/organiser/{edition.slug}/schedule/")
    assert timezone.get_current_timezone_name() == "UTC"
