"""The words of every push this app sends: short, warm, plain; never the message itself
(lock screens are seen by others), the PWA shows that after unlocking."""

from backend.checkins.models import Answer, CheckIn, Mode

MODE_ASK = {
    Mode.COME_OVER: "Could you come over?",
    Mode.CALL: "Could you call?",
    Mode.TEXT: "Could you text?",
    Mode.SIT_WITH_ME: "Could you just sit with them for a while?",
}
NEEDS = (
    ("no_need_to_explain", "No need to explain."),
    ("just_listen", "Please just listen."),
    ("silence_ok", "Silence is okay."),
)


def ask_body(checkin: CheckIn) -> str:
    parts = [MODE_ASK[Mode(checkin.mode)]] if checkin.mode else []
    parts += [text for field, text in NEEDS if getattr(checkin, field)]
    return " ".join(parts)


def reach_out_title(name: str) -> str:
    return f"{name} needs you"


def check_on_me_title(name: str) -> str:
    return f"{name} asked you to check on them now"


NUDGE_BODY = "Thinking of you — how are you?"


def nudge_title(name: str) -> str:
    return f"{name} is thinking of you"


def response_title(name: str, answer: str, eta_minutes: int | None) -> str:
    match answer:
        case Answer.ON_MY_WAY:
            eta = f" — {eta_minutes} min" if eta_minutes else ""
            return f"{name} is on the way{eta}"
        case Answer.CALLING:
            return f"{name} is calling you now"
        case Answer.TEXTING:
            return f"{name} is texting you"
        case Answer.CANT_RIGHT_NOW:
            return f"{name} can't right now — sending love"
        case Answer.OKAY:
            return f"{name} is okay"
        case Answer.HEAVY:
            return f"{name} says it's heavy today"
        case _:
            return f"{name} could use you"


def response_body(answer: str) -> str:
    return {
        Answer.ON_MY_WAY: "Hold on, they're coming.",
        Answer.CALLING: "Your phone should ring soon.",
        Answer.TEXTING: "Watch for their message.",
        Answer.CANT_RIGHT_NOW: "They're thinking of you.",
        Answer.OKAY: "Thank you for thinking of them.",
        Answer.HEAVY: "Maybe check in with them today.",
        Answer.NEED_YOU: "They answered your nudge: they need you. Reach out?",
    }[Answer(answer)]


NOBODY_ANSWERED_TITLE = "Nobody has answered yet"
NOBODY_ANSWERED_BODY = "Nobody has answered yet. You could ask another circle, or find help now."


def closed_title(name: str) -> str:
    return f"{name} is okay now"


THANK_YOU_BODY = "Thank you for being there."
CLOSED_BODY = "No need to do anything."


def cancelled_title(name: str) -> str:
    return f"{name} is okay — no need to answer"


AFTERCARE_TITLE = "How are you after that?"


def aftercare_body(name: str) -> str:
    return f"You were there for {name}. Take a moment for yourself too."
