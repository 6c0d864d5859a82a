"""The public page an e-mailed confirmation link opens (no login: the token is the key)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.enterprises.domain.confirmation import ConfirmationError, answer_confirmation
from fairmatch.enterprises.domain.workflow import TransitionError
from fairmatch.enterprises.models import ConfirmationRequest

ANSWERS = {"confirm": True, "decline": False}


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the question (mail scanners may follow links); POST records the answer."""
    confirmation = get_object_or_404(
        ConfirmationRequest.objects.select_related(
            "participation__enterprise", "participation__edition"
        ),
        token=token,
    )
    error = ""
    status = 200
    if request.method == "POST" and not confirmation.response:
        choice = request.POST.get("answer", "")
        if choice not in ANSWERS:
            error, status = _("Choose to confirm or to decline."), 400
        else:
            try:
                answer_confirmation(request=confirmation, accept=ANSWERS[choice])
            except (ConfirmationError, TransitionError) as problem:
                error, status = str(problem), 409
            confirmation.participation.refresh_from_db(fields=["state"])
    return render(
        request,
        "enterprises/confirmation/answer.html",
        {
            "confirmation": confirmation,
            "participation": confirmation.participation,
            "edition": confirmation.participation.edition,
            "suggested": request.GET.get("answer", ""),
            "error": error,
        },
        status=status,
    )
