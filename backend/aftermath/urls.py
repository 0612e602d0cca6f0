from django.urls import path

from backend.aftermath import apis

urlpatterns = [
    path("activity/", apis.ActivityApi.as_view(), name="activity"),
    path("checkins/<uuid:checkin_id>/notes/", apis.NoteListApi.as_view(), name="note-list"),
    path("notes/<uuid:note_id>/", apis.NoteDetailApi.as_view(), name="note-detail"),
    path("notes/<uuid:note_id>/reaction/", apis.NoteReactionApi.as_view(), name="note-reaction"),
    path(
        "circles/<uuid:circle_id>/moments/",
        apis.CircleMomentsApi.as_view(),
        name="circle-moments",
    ),
    path("people/<uuid:user_id>/moments/", apis.PersonMomentsApi.as_view(), name="person-moments"),
]
