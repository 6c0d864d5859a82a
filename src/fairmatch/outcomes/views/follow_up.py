"""The page a follow-up link opens (no login: the token is the key; usable once)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.outcomes.domain.follow_up import FollowUpError, answer_follow_up
from fairmatch.outcomes.interfaces.forms import FollowUpForm
from fairmatch.outcomes.models import FollowUp


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the question (mail scanners may follow links); POST records the answer."""
    follow_up = get_object_or_404(
        FollowUp.objects.select_related(
            "intention__edition",
            "intention__recorder__enterprise",
            "intention__counterpart__enterprise",
        ),
        token=token,
    )
    error, status, done = "", 200, False
    if follow_up.answered_at is not None:
        error = _("This follow-up has already been answered; thank you.")
    elif follow_up.deadline < timezone.now():
        error = _("This link expired on %(date)s; please write to the organisers.") % {
            "date": follow_up.deadline.date().isoformat()
        }
    form = FollowUpForm(request.POST or None)
    if request.method == "POST":
        if error:
            status = 409
        elif not form.is_valid():
            error, status = _("Choose what became of the deal."), 400
        else:
            data = form.cleaned_data
            try:
                answer_follow_up(
                    follow_up=follow_up,
                    outcome=data["outcome"],
                    value=data.get("value"),
                    currency=data.get("currency") or "",
                    reason=data.get("reason") or "",
                )
                done = True
            except FollowUpError as problem:
                error, status = str(problem), 409 if follow_up.answered_at else 400
    return render(
        request,
        "outcomes/follow_up.html",
        {
            "follow_up": follow_up,
            "intention": follow_up.intention,
            "edition": follow_up.intention.edition,
            "form": form,
            "error": error,
            "done": done,
            "expired": follow_up.deadline < timezone.now(),
        },
        status=status,
    )
