from django.contrib import admin

from fairmatch.conference.models import (
    CooperationKind,
    Edition,
    ExchangeRate,
    Field,
    QualificationRule,
    Rank,
)


class ExchangeRateInline(admin.TabularInline):
    model = ExchangeRate
    extra = 0


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "start_date", "end_date", "status", "previous"]
    list_filter = ["status"]
    search_fields = ["slug", "name_en", "name_zh"]
    inlines = [ExchangeRateInline]


@admin.register(Field, CooperationKind)
class CatalogueAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "position"]


@admin.register(Rank)
class RankAdmin(admin.ModelAdmin):
    list_display = ["level", "code", "name_en", "name_zh"]


@admin.register(QualificationRule)
class QualificationRuleAdmin(admin.ModelAdmin):
    """Rules are best edited on the organiser's rules page, which validates and re-evaluates."""

    list_display = ["edition", "role", "kind", "is_active", "updated_at"]
    list_filter = ["edition", "role", "kind"]
    readonly_fields = ["edition", "role", "kind", "parameters"]
