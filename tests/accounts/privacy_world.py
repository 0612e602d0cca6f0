"""Dana, with one of everything an account can hold, each carrying a marker string, and the
people around her. Built through the services, as the app writes it."""

from dataclasses import dataclass

from django.contrib.auth.models import Permission
from django.test import Client

from backend.accounts.models import User
from backend.aftermath.models import AftermathNote, Audience
from backend.checkins.models import CheckIn, Kind, Mode
from backend.checkins.mutual import share_offer
from backend.checkins.services import checkin_close, checkin_create, checkin_respond
from backend.circles.models import Circle
from backend.circles.services import invite_create
from backend.moderation.models import ActionKind, Report, Strike
from backend.moderation.services import appeal_create, moderation_act, report_create
from tests.common.world import (
    PASSWORD,
    add_device,
    make_block,
    make_circle,
    make_note,
    make_person,
    make_reaction,
)

BROWSER = "/_allauth/browser/v1"

# Dana's words: none of these may survive her deletion (the reported note's snapshot aside).
DANA_EMAIL = "dana.marker@example.com"
DANA_NAME = "Dana Quillfeather"
CHECKIN_WORDS = "marker-checkin: the kettle and the long night"
ANSWER_WORDS = "marker-answer: coming with soup"
NOTE_WORDS = "marker-note: we sat on the floor"
REPORTED_NOTE_WORDS = "marker-reported-note: said something sharp"
REPORT_WORDS = "marker-report-details: this felt cruel"
APPEAL_WORDS = "marker-appeal: I was upset that night"
INVITE_WORDS = "marker-invite: come join us"
MARKERS = [
    DANA_EMAIL,
    DANA_NAME,
    CHECKIN_WORDS,
    ANSWER_WORDS,
    NOTE_WORDS,
    REPORTED_NOTE_WORDS,
    REPORT_WORDS,
    APPEAL_WORDS,
    INVITE_WORDS,
]
# Others' words that stay.
ALEX_NOTE = "Alex's own note about his evening"
ALEX_PRIVATE = "Alex's note only for those who were there"
ROBIN_EMAIL = "robin.private@example.com"


@dataclass
class PrivacyWorld:
    dana: User
    alex: User
    sam: User
    robin: User
    moderator: User
    shared: Circle  # Alex's, Dana and Sam are in it
    danas: Circle  # Dana's, Sam joined it
    lonely: Circle  # Dana's, nobody else
    danas_checkin: CheckIn
    alexs_checkin: CheckIn
    private_checkin: CheckIn
    alex_note: AftermathNote
    alex_private_note: AftermathNote
    report_by_dana: Report
    strike: Strike


def build() -> PrivacyWorld:
    alex = make_person(display_name="Alex", email="alex.private@example.com")
    sam = make_person(display_name="Sam", email="sam.private@example.com")
    robin = make_person(display_name="Robin", email=ROBIN_EMAIL)
    dana = make_person(display_name=DANA_NAME, email=DANA_EMAIL)
    moderator = make_person(display_name="Mo", email="mo@example.com", is_staff=True)
    moderator.user_permissions.add(Permission.objects.get(codename="change_report"))
    moderator = User.objects.get(pk=moderator.pk)

    shared = make_circle(alex, [dana, sam, robin], name="Sunday people")
    danas = make_circle(dana, [sam], name="Dana's people")
    lonely = make_circle(dana, [], name="Just Dana")
    invite_create(circle=danas, created_by=dana, message=INVITE_WORDS)
    # Alex's invite addressed to Dana's email before she joined.
    invite_create(circle=shared, created_by=alex, email=DANA_EMAIL)

    danas_checkin, _ = checkin_create(
        requester=dana,
        circle=shared,
        kind=Kind.REACH_OUT,
        mode=Mode.COME_OVER,
        message=CHECKIN_WORDS,
        just_listen=True,
    )
    checkin_respond(checkin=danas_checkin, responder=alex, answer="on_my_way", message="Soon")

    alexs_checkin, _ = checkin_create(
        requester=alex,
        circle=shared,
        kind=Kind.REACH_OUT,
        mode=Mode.CALL,
        audience=[dana.pk, sam.pk],
    )
    checkin_respond(checkin=alexs_checkin, responder=dana, answer="on_my_way", message=ANSWER_WORDS)
    checkin_respond(checkin=alexs_checkin, responder=sam, answer="calling")
    share_offer(checkin=alexs_checkin, by=dana, silence_ok=True)  # "Can I share too?"
    alexs_checkin = checkin_close(checkin=alexs_checkin, by=alex)
    danas_note = make_note(alexs_checkin, dana, NOTE_WORDS, audience=Audience.CIRCLE)
    reported_note = make_note(alexs_checkin, dana, REPORTED_NOTE_WORDS)
    alex_note = make_note(alexs_checkin, alex, ALEX_NOTE, audience=Audience.CIRCLE)
    make_reaction(danas_note, alex, "hug")
    make_reaction(alex_note, dana, "heart")

    # A session Dana was not part of, with a note only its participants see.
    private_checkin, _ = checkin_create(
        requester=alex, circle=shared, kind=Kind.REACH_OUT, mode=Mode.CALL, audience=[robin.pk]
    )
    checkin_respond(checkin=private_checkin, responder=robin, answer="calling")
    private_checkin = checkin_close(checkin=private_checkin, by=alex)
    alex_private_note = make_note(private_checkin, alex, ALEX_PRIVATE)

    make_block(dana, robin)
    add_device(dana)

    report_by_dana, _ = report_create(
        reporter=dana,
        target_type="note",
        target_id=alex_note.pk,
        category="harassment",
        details=REPORT_WORDS,
    )
    moderation_act(
        moderator=moderator,
        action=ActionKind.DISMISS,
        target_type="note",
        target_id=alex_note.pk,
        reports=[report_by_dana],
        reason="Nothing against the rules",
    )
    report_about_dana, _ = report_create(
        reporter=sam, target_type="note", target_id=reported_note.pk, category="harassment"
    )
    moderation_act(
        moderator=moderator,
        action=ActionKind.WARN,
        target_type="note",
        target_id=reported_note.pk,
        reports=[report_about_dana],
        reason="Please be gentle",
    )
    strike = Strike.objects.get(person=dana)
    appeal_create(strike=strike, by=dana, text=APPEAL_WORDS)
    report_by_dana.refresh_from_db()
    return PrivacyWorld(
        dana=dana,
        alex=alex,
        sam=sam,
        robin=robin,
        moderator=moderator,
        shared=shared,
        danas=danas,
        lonely=lonely,
        danas_checkin=danas_checkin,
        alexs_checkin=alexs_checkin,
        private_checkin=private_checkin,
        alex_note=alex_note,
        alex_private_note=alex_private_note,
        report_by_dana=report_by_dana,
        strike=strike,
    )


def log_in(email: str, password: str = PASSWORD) -> Client:
    """A browser client signed in through allauth's login, so the session records when."""
    client = Client()
    res = client.post(
        f"{BROWSER}/auth/login",
        {"email": email, "password": password},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    return client
