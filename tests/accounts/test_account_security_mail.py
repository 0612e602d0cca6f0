from typing import Any

from django.core import mail

from tests.accounts.privacy_world import BROWSER, log_in
from tests.common.world import PASSWORD, make_person


def test_a_password_change_is_mailed(db: Any) -> None:
    person = make_person(display_name="Noor", email="noor@example.com")
    client = log_in(person.email)
    mail.outbox.clear()
    res = client.post(
        f"{BROWSER}/account/password/change",
        {"current_password": PASSWORD, "new_password": "a-new-quiet-harbour-8"},
        content_type="application/json",
    )
    assert res.status_code == 200, res.content
    [sent] = mail.outbox
    assert sent.to == [person.email]
    assert sent.subject == "Shoulder: Your password was changed"
    assert "Hi Noor," in sent.body
    assert "reset your password" in sent.body


def test_a_wrong_current_password_changes_nothing(db: Any) -> None:
    person = make_person(email="kim@example.com")
    client = log_in(person.email)
    mail.outbox.clear()
    res = client.post(
        f"{BROWSER}/account/password/change",
        {"current_password": "not-it-at-all-3", "new_password": "a-new-quiet-harbour-8"},
        content_type="application/json",
    )
    assert res.status_code == 400
    assert mail.outbox == []
