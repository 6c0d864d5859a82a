from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from fairmatch.accounts.models import User


@admin.register(User)
class FairmatchUserAdmin(UserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "enterprise", "is_organiser", "is_active"]
    list_filter = ["is_organiser", "is_staff", "is_active"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["full_name", "language", "enterprise"]}),
        ("Access", {"fields": ["is_active", "is_organiser", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "password1", "password2"]})]
    raw_id_fields = ["enterprise"]
