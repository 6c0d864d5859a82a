"""Errors as ``application/problem+json`` (RFC 9457): type, title, status, detail, and for
invalid input the fields at fault (``errors``: location and message of each)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from fairmatch.api.interfaces.schemas import Problem, ProblemField

PROBLEM_TYPE = "about:blank"
TITLES = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    422: "Unprocessable Content",
    429: "Too Many Requests",
}


class ApiProblem(Exception):
    """Raised by a handler: answered as a problem with this status and detail."""

    def __init__(self, status: int, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.field = field


def problem_response(
    status: int, detail: str, *, errors: list[ProblemField] | None = None
) -> HttpResponse:
    body = Problem(
        type=PROBLEM_TYPE,
        title=TITLES.get(status, "Error"),
        status=status,
        detail=detail,
        errors=errors or [],
    )
    response = HttpResponse(
        body.model_dump_json(), status=status, content_type="application/problem+json"
    )
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="fairmatch"'
    return response


def _field(location: tuple[Any, ...]) -> str:
    """``body.priority``: ninja names the body's parameter too (``body.body.priority``)."""
    if len(location) >= 3 and location[0] == "body":
        location = (location[0], *location[2:])
    return ".".join(str(part) for part in location)


def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        ProblemField(field=_field(tuple(error.get("loc", ()))), detail=str(error.get("msg", "")))
        for error in exc.errors
    ]
    unreadable = any(error.get("type") == "json_invalid" for error in exc.errors) or any(
        "Cannot parse request body" in str(error.get("msg", "")) for error in exc.errors
    )
    if unreadable:
        return problem_response(400, "The request body is not valid JSON.", errors=errors)
    return problem_response(422, "The request does not match the schema.", errors=errors)


def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    response = problem_response(429, "Too many requests for this token; wait and retry.")
    response["Retry-After"] = str(exc.wait or 1)
    return response


def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return problem_response(exc.status_code, str(exc.message))


def _authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return problem_response(401, "A valid API token is needed (Authorization: Bearer ...).")


def _api_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    errors = [ProblemField(field=exc.field, detail=exc.detail)] if exc.field else None
    return problem_response(exc.status, exc.detail, errors=errors)


def install(api: NinjaAPI) -> None:
    """Replace ninja's JSON errors with problem documents."""
    api.add_exception_handler(ValidationError, _validation)
    api.add_exception_handler(Throttled, _throttled)
    api.add_exception_handler(AuthenticationError, _authentication)
    api.add_exception_handler(HttpError, _http_error)
    api.add_exception_handler(ApiProblem, _api_problem)
    api.add_exception_handler(Http404, lambda request, exc: problem_response(404, "Not found."))
    api.add_exception_handler(
        PermissionDenied, lambda request, exc: problem_response(403, "Not allowed.")
    )
