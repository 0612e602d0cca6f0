from django.urls import path

from backend.moderation import apis

urlpatterns = [
    path("reports/", apis.ReportListApi.as_view(), name="report-list"),
    path("strikes/", apis.StrikeListApi.as_view(), name="strike-list"),
    path("strikes/<uuid:strike_id>/appeal/", apis.StrikeAppealApi.as_view(), name="strike-appeal"),
    path(
        "notes/<uuid:note_id>/remove-from-circle/",
        apis.NoteRemoveFromCircleApi.as_view(),
        name="note-remove-from-circle",
    ),
    # Before the circles app's urls: the same path, recorded (see `apis.CircleMemberApi`).
    path(
        "circles/<uuid:circle_id>/members/<uuid:user_id>/",
        apis.CircleMemberApi.as_view(),
        name="circle-member",
    ),
]
