from django.urls import path

from backend.web.apis import CrisisResourcesApi

urlpatterns = [
    path("crisis-resources/", CrisisResourcesApi.as_view(), name="crisis-resources"),
]
