"""``make demo`` prints a working read-write API token of the demo organiser."""

import io
import re
from types import SimpleNamespace

from fairmatch.api.domain.tokens import authenticate
from fairmatch.demo.generator import ORGANISER_EMAIL
from fairmatch.demo.management.commands.demo import Command
from tests.factories import EditionFactory, OrganiserFactory


def test_the_demo_prints_a_token_that_opens_the_api(db, client):
    edition = EditionFactory(slug="soc-2027")
    OrganiserFactory(email=ORGANISER_EMAIL)
    out = io.StringIO()
    command = Command(stdout=out)
    command._print_api_token(SimpleNamespace(current_edition=edition), port=8000)
    [plain] = re.findall(r"\bfm_\w+_[\w-]+", out.getvalue().split("curl")[0])
    token = authenticate(plain)
    assert (token.edition, token.may_write) == (edition, True)
    answer = client.get(
        "/api/v1/editions/soc-2027/participations", headers={"Authorization": f"Bearer {plain}"}
    )
    assert answer.status_code == 200
    assert "http://127.0.0.1:8000/api/v1/docs" in out.getvalue()
