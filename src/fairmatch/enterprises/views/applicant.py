from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from fairmatch.core.views import enterprise_member_required


@enterprise_member_required
def my_applications(request: HttpRequest) -> HttpResponse:
    return redirect("web:home")


@enterprise_member_required
def application(request: HttpRequest, edition: str) -> HttpResponse:
    return redirect("web:home")
