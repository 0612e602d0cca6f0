from django.urls import path

from backend.checkins import apis, mutual_apis

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
    path(
        "checkins/<uuid:checkin_id>/dismiss/",
        apis.CheckinDismissApi.as_view(),
        name="checkin-dismiss",
    ),
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
    # Two-way sessions (mutual.py).
    path(
        "checkins/<uuid:checkin_id>/sharing/",
        mutual_apis.SharingApi.as_view(),
        name="checkin-sharing",
    ),
    path(
        "checkins/<uuid:checkin_id>/sharing/offer/",
        mutual_apis.ShareOfferApi.as_view(),
        name="checkin-share-offer",
    ),
    path(
        "checkins/<uuid:checkin_id>/sharing/offers/<uuid:offer_id>/accept/",
        mutual_apis.ShareAcceptApi.as_view(),
        name="checkin-share-accept",
    ),
    path(
        "checkins/<uuid:checkin_id>/sharing/offers/<uuid:offer_id>/decline/",
        mutual_apis.ShareDeclineApi.as_view(),
        name="checkin-share-decline",
    ),
    path(
        "checkins/<uuid:checkin_id>/reach-out-too/",
        mutual_apis.ReachOutTooApi.as_view(),
        name="checkin-reach-out-too",
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
