from django.urls import path

from backend.notifications.apis import (
    NotificationSettingsApi,
    PushKeyApi,
    PushSubscriptionApi,
    PushTestApi,
)

urlpatterns = [
    path("push/key/", PushKeyApi.as_view(), name="push-key"),
    path("push/subscriptions/", PushSubscriptionApi.as_view(), name="push-subscriptions"),
    path("push/test/", PushTestApi.as_view(), name="push-test"),
    path("notification-settings/", NotificationSettingsApi.as_view(), name="notification-settings"),
]
