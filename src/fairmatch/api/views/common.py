"""What every API handler shares: the principal, the edition it names, write checks."""

import hashlib
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from ninja import NinjaAPI

from fairmatch.api.domain.access import Principal, is_organiser_of
from fairmatch.api.interfaces.problems import ApiProblem
from fairmatch.conference.models import Edition


class FairmatchAPI(NinjaAPI):
    """ninja's API with an ``ETag`` on every successful read: ``If-None-Match`` with the
    same tag is answered ``304 Not Modified`` without a body."""

    def create_response(
        self, request: HttpRequest, data: Any, *, status: int | None = None, **kwargs: Any
    ) -> HttpResponse:
        response = super().create_response(request, data, status=status, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            tag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
            response["ETag"] = tag
            response["Cache-Control"] = "private, no-cache"
            asked = request.headers.get("If-None-Match", "")
            if tag in [part.strip() for part in asked.split(",")] or asked.strip() == "*":
                not_modified = HttpResponseNotModified()
                not_modified["ETag"] = tag
                return not_modified
        return response

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        """Errors are documented as what they are: application/problem+json."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for methods in schema.get("paths", {}).values():
            for operation in methods.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if str(status).startswith("4") and "application/json" in content:
                        response["content"] = {
                            "application/problem+json": content["application/json"]
                        }
        return schema


def principal(request: HttpRequest) -> Principal:
    return request.auth  # type: ignore[attr-defined,no-any-return]


def edition_for(request: HttpRequest, slug: str) -> Edition:
    """The edition named in the path; another edition than its token's is not found."""
    edition = Edition.objects.filter(slug=slug).first()
    if edition is None or not principal(request).reaches(edition):
        raise ApiProblem(404, "No such edition.", field="path.edition")
    return edition


def organiser_edition(request: HttpRequest, slug: str) -> Edition:
    edition = edition_for(request, slug)
    if not is_organiser_of(principal(request), edition):
        raise ApiProblem(403, "Only the edition's organisers may use this endpoint.")
    return edition


def require_write(request: HttpRequest) -> Principal:
    found = principal(request)
    if not found.may_write:
        raise ApiProblem(403, "This token may only read; create a read-write token.")
    return found
