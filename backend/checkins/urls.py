from django.urls import path

from backend.checkins import apis

urlpatterns = [
    path("home/", apis.HomeApi.as_view(), name="home"),
    path("checkins/", apis.CheckinListApi.as_view(), name="checkin-list"),
    path("checkins/<uuid:checkin_id>/", apis.CheckinDetailApi.as_view(), name="checkin-detail"),
    path(
        "checkins/<uuid:checkin_id>/responses/",
        apis.CheckinRespondApi.as_view(),
        name="checkin-respond",
    ),
    path("checkins/<uuid:checkin_id>/seen/", apis.CheckinSeenApi.as_view(), name="checkin-seen"),
    path("checkins/<uuid:checkin_id>/close/", apis.CheckinCloseApi.as_view(), name="checkin-close"),
    path(
        "checkins/<uuid:checkin_id>/cancel/",
        apis.CheckinCancelApi.as_view(),
        name="checkin-cancel",
    ),
    path(
        "checkins/<uuid:checkin_id>/reach-back/",
        apis.CheckinReachBackApi.as_view(),
        name="checkin-reach-back",
    ),
    path(
        "checkins/<uuid:checkin_id>/ask-again/",
        apis.CheckinAskAgainApi.as_view(),
        name="checkin-ask-again",
    ),
    path(
        "checkins/<uuid:checkin_id>/people/",
        apis.CheckinAddPeopleApi.as_view(),
        name="checkin-add-people",
    ),
    path(
        "checkins/<uuid:checkin_id>/update/",
        apis.CheckinUpdateApi.as_view(),
        name="checkin-update",
    ),
]
