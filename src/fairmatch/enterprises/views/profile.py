from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from fairmatch.core.views import enterprise_member_required


@enterprise_member_required
def profile(request: HttpRequest) -> HttpResponse:
    return redirect("web:home")
