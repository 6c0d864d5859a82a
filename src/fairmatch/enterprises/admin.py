from django.contrib import admin

from fairmatch.enterprises.models import Enterprise, Participation, StateChange


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["name_original", "name_en", "country", "kind", "created_at"]
    list_filter = ["kind", "country"]
    search_fields = ["name_original", "name_en"]


class StateChangeInline(admin.TabularInline):
    model = StateChange
    extra = 0
    can_delete = False
    readonly_fields = ["from_state", "to_state", "actor", "at", "note"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    """Read-only here: states change only through the review pages (with history)."""

    list_display = ["enterprise", "edition", "state", "rule_outcome", "updated_at"]
    list_filter = ["edition", "state", "rule_outcome"]
    search_fields = ["enterprise__name_original", "enterprise__name_en"]
    readonly_fields = ["enterprise", "edition", "state", "rule_outcome", "submitted_at"]
    inlines = [StateChangeInline]
