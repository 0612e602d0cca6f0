from django.urls import path

from backend.notifications.apis import (
    PushKeyApi,
    PushSubscriptionApi,
    PushTestApi,
)

urlpatterns = [
    path("push/key/", PushKeyApi.as_view(), name="push-key"),
    path("push/subscriptions/", PushSubscriptionApi.as_view(), name="push-subscriptions"),
    path("push/test/", PushTestApi.as_view(), name="push-test"),
]
