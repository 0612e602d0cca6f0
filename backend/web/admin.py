from django.contrib import admin

from backend.web.models import CrisisResource


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin[CrisisResource]):
    list_display = ("name", "region", "language", "is_emergency", "phone", "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter = ("is_active", "is_emergency", "region", "language")
    search_fields = ("name", "region", "phone")
    ordering = ("region", "-is_emergency", "position", "name")
