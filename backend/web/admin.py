from django.contrib import admin

from backend.web.models import CrisisResource


@admin.register(CrisisResource)
class CrisisResourceAdmin(admin.ModelAdmin[CrisisResource]):
    list_display = ("name", "region", "phone", "position", "is_active")
    list_editable = ("position", "is_active")
    list_filter = ("is_active", "region")
    search_fields = ("name", "region")
