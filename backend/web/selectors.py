from django.db.models import QuerySet

from backend.web.models import CrisisResource

CRISIS_INTRO = (
    "Shoulder is not an emergency or therapy service. If you are in danger or might hurt "
    "yourself, call your local emergency number now. These people are there to listen, "
    "any time."
)

# Used until an admin edits the list, so the page is never empty.
DEFAULT_CRISIS_RESOURCES: list[dict[str, str]] = [
    {
        "name": "Emergency services",
        "region": "Worldwide",
        "description": "If you or someone near you is in danger right now.",
        "phone": "112",
        "text": "",
        "url": "",
    },
    {
        "name": "988 Suicide & Crisis Lifeline",
        "region": "United States",
        "description": "Free, confidential support, 24/7.",
        "phone": "988",
        "text": "988",
        "url": "https://988lifeline.org",
    },
    {
        "name": "Samaritans",
        "region": "United Kingdom and Ireland",
        "description": "Someone to talk to, day or night.",
        "phone": "116 123",
        "text": "",
        "url": "https://www.samaritans.org",
    },
    {
        "name": "Find a Helpline",
        "region": "Worldwide",
        "description": "Free, confidential helplines in your country.",
        "phone": "",
        "text": "",
        "url": "https://findahelpline.com",
    },
    {
        "name": "Befrienders Worldwide",
        "region": "Worldwide",
        "description": "Emotional support centres around the world.",
        "phone": "",
        "text": "",
        "url": "https://befrienders.org",
    },
]


def crisis_resource_list() -> QuerySet[CrisisResource]:
    return CrisisResource.objects.filter(is_active=True).order_by("position", "name")
