from django.urls import path

from backend.circles import apis

urlpatterns = [
    path("circles/", apis.CircleListApi.as_view(), name="circle-list"),
    path("circles/<uuid:circle_id>/", apis.CircleDetailApi.as_view(), name="circle-detail"),
    path(
        "circles/<uuid:circle_id>/transfer/",
        apis.CircleTransferApi.as_view(),
        name="circle-transfer",
    ),
    path(
        "circles/<uuid:circle_id>/members/<uuid:user_id>/",
        apis.CircleMemberApi.as_view(),
        name="circle-member",
    ),
    path(
        "circles/<uuid:circle_id>/invites/",
        apis.CircleInviteListApi.as_view(),
        name="circle-invite-list",
    ),
    path(
        "circles/<uuid:circle_id>/invites/<uuid:invite_id>/",
        apis.CircleInviteDetailApi.as_view(),
        name="circle-invite-detail",
    ),
    path(
        "circles/<uuid:circle_id>/requests/",
        apis.JoinRequestListApi.as_view(),
        name="circle-request-list",
    ),
    path(
        "circles/<uuid:circle_id>/requests/<uuid:request_id>/approve/",
        apis.JoinRequestApproveApi.as_view(),
        name="circle-request-approve",
    ),
    path(
        "circles/<uuid:circle_id>/requests/<uuid:request_id>/reject/",
        apis.JoinRequestRejectApi.as_view(),
        name="circle-request-reject",
    ),
    path("invites/<str:token>/", apis.InvitePreviewApi.as_view(), name="invite-preview"),
    path("invites/<str:token>/accept/", apis.InviteAcceptApi.as_view(), name="invite-accept"),
    path("invites/<str:token>/decline/", apis.InviteDeclineApi.as_view(), name="invite-decline"),
    path("blocks/", apis.BlockListApi.as_view(), name="block-list"),
    path("blocks/<uuid:user_id>/", apis.BlockDetailApi.as_view(), name="block-detail"),
    path(
        "notification-settings/",
        apis.NotificationSettingsApi.as_view(),
        name="notification-settings",
    ),
]
