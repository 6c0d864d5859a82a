"""Access rules and form feedback shared by every app's views."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def organiser_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only organiser staff may use the view; others are sent to log in or refused (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_organiser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def enterprise_member_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Only a logged-in member of an enterprise may use the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if request.user.enterprise_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def form_errors_to_messages(request: HttpRequest, form: Any) -> None:
    """Show a form's errors as messages, each named by its field, on pages that redirect
    after a POST (the form itself is not shown again)."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)
