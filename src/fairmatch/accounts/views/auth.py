from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from fairmatch.accounts.domain.signup import sign_up
from fairmatch.accounts.interfaces.forms import EmailLoginForm, SignUpForm


class EmailLoginView(LoginView):
    form_class = EmailLoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:home")
    form = SignUpForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = sign_up(
            email=data["email"],
            password=data["password"],
            full_name=data["full_name"],
            language=data["language"],
            name_original=data["name_original"],
            name_en=data["name_en"],
            country=data["country"],
            kind=data["kind"],
            description_language=data["language"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Complete your enterprise profile, then apply."))
        return redirect("enterprises:profile")
    return render(request, "accounts/signup.html", {"form": form})
