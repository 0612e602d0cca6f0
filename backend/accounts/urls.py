from django.urls import path

from backend.accounts.apis import MeApi

urlpatterns = [
    path("me/", MeApi.as_view(), name="me"),
]
