from django.urls import path

from backend.privacy.apis import MeApi, MeExportApi

# Before the accounts app's `me/`: the same path, with DELETE added.
urlpatterns = [
    path("me/", MeApi.as_view(), name="me"),
    path("me/export/", MeExportApi.as_view(), name="me-export"),
]
