"""The organiser's rule configuration page: qualification rules and exchange rates."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from fairmatch.conference.domain import rules as domain
from fairmatch.conference.interfaces.rule_forms import RULE_FORMS, ExchangeRateForm
from fairmatch.conference.interfaces.rule_summaries import describe_rule, units_per_usd
from fairmatch.conference.models import Edition, Field, QualificationRule, Rank, Role, RuleKind
from fairmatch.core.views import organiser_required


def _rules_page(
    request: HttpRequest, edition: Edition, rate_form: ExchangeRateForm, status: int = 200
) -> HttpResponse:
    ranks = {rank.level: rank for rank in Rank.objects.all()}
    fields = {field.code: field for field in Field.objects.all()}
    rules = list(edition.rules.all())
    by_role = [
        (
            label,
            [
                (rule, describe_rule(rule, ranks=ranks, fields=fields))
                for rule in rules
                if rule.role == role
            ],
        )
        for role, label in Role.choices
    ]
    return render(
        request,
        "conference/rules.html",
        {
            "edition": edition,
            "rules_by_role": by_role,
            "kinds": RuleKind.choices,
            "rates": [(rate, units_per_usd(rate.usd_per_unit)) for rate in edition.rates.all()],
            "rate_form": rate_form,
        },
        status=status,
    )


@organiser_required
def rule_list(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    return _rules_page(request, edition_obj, ExchangeRateForm())


def _rule_form_page(
    request: HttpRequest, edition: Edition, form: object, kind: str, rule: object = None
) -> HttpResponse:
    return render(
        request,
        "conference/rule_form.html",
        {
            "edition": edition,
            "form": form,
            "kind_label": RuleKind(kind).label,
            "rule": rule,
        },
        status=400 if request.method == "POST" else 200,
    )


@organiser_required
def rule_add(request: HttpRequest, edition: str, kind: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form_class = RULE_FORMS.get(kind)
    if form_class is None:
        raise Http404
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            domain.create_rule(
                edition=edition_obj,
                role=form.cleaned_data["role"],
                kind=kind,
                parameters=form.parameters(),
                actor=request.user,
            )
            messages.success(request, _("The rule has been added; applications were re-checked."))
            return redirect("rules:list", edition=edition_obj.slug)
    else:
        form = form_class(initial={"role": request.GET.get("role", Role.BUYER)})
    return _rule_form_page(request, edition_obj, form, kind)


@organiser_required
def rule_edit(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    rule = get_object_or_404(QualificationRule, edition=edition_obj, pk=pk)
    form_class = RULE_FORMS[rule.kind]
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            domain.update_rule(
                rule=rule,
                role=form.cleaned_data["role"],
                parameters=form.parameters(),
                actor=request.user,
            )
            messages.success(request, _("The rule has been changed; applications were re-checked."))
            return redirect("rules:list", edition=edition_obj.slug)
    else:
        form = form_class(initial=form_class.initial_for(rule))
    return _rule_form_page(request, edition_obj, form, rule.kind, rule)


@organiser_required
@require_POST
def rule_toggle(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    rule = get_object_or_404(QualificationRule, edition=edition_obj, pk=pk)
    domain.set_rule_active(rule=rule, is_active=not rule.is_active, actor=request.user)
    if rule.is_active:
        messages.success(request, _("The rule is active again; applications were re-checked."))
    else:
        messages.success(request, _("The rule is inactive; applications were re-checked."))
    return redirect("rules:list", edition=edition_obj.slug)


@organiser_required
@require_POST
def rule_delete(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    rule = get_object_or_404(QualificationRule, edition=edition_obj, pk=pk)
    domain.delete_rule(rule=rule, actor=request.user)
    messages.success(request, _("The rule has been deleted; applications were re-checked."))
    return redirect("rules:list", edition=edition_obj.slug)


@organiser_required
@require_POST
def rate_save(request: HttpRequest, edition: str) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    form = ExchangeRateForm(request.POST)
    if form.is_valid():
        try:
            domain.set_exchange_rate(
                edition=edition_obj,
                currency=form.cleaned_data["currency"],
                units_per_usd=form.cleaned_data["units_per_usd"],
                actor=request.user,
            )
        except domain.RateError:
            form.add_error("units_per_usd", _("This rate cannot be stored; check the number."))
        else:
            messages.success(
                request,
                _("The %(currency)s rate has been saved; applications were re-checked.")
                % {"currency": form.cleaned_data["currency"]},
            )
            return redirect("rules:list", edition=edition_obj.slug)
    return _rules_page(request, edition_obj, form, status=400)


@organiser_required
@require_POST
def rate_delete(request: HttpRequest, edition: str, pk: int) -> HttpResponse:
    edition_obj = get_object_or_404(Edition, slug=edition)
    rate = get_object_or_404(edition_obj.rates, pk=pk)
    domain.delete_exchange_rate(rate=rate, actor=request.user)
    messages.success(
        request,
        _("The %(currency)s rate has been deleted; applications were re-checked.")
        % {"currency": rate.currency},
    )
    return redirect("rules:list", edition=edition_obj.slug)
