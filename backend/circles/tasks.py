from uuid import UUID

from django.core.mail import send_mail
from django.tasks import task
from django.utils.formats import date_format
from django.utils.translation import gettext

from backend.circles.conf import INVITE_EMAIL_SUBJECT, invite_message_min_account_age, site_url
from backend.circles.models import Invite
from backend.circles.tokens import invite_path, unseal_token
from backend.common.i18n import in_language


@task
def invite_send_email(*, invite_id: str, sealed_token: str) -> None:
    invite = (
        Invite.objects.select_related("circle", "created_by").filter(pk=UUID(invite_id)).first()
    )
    if invite is None or not invite.email or invite.status != Invite.Status.ACTIVE:
        return  # Deleted, withdrawn or already used before the worker got to it.
    link = site_url() + invite_path(unseal_token(sealed_token))
    # Whoever is invited has no language here yet: the email is in the inviter's, as the
    # words they would use themselves.
    with in_language(invite.created_by.language):
        inviter = invite.created_by.public_name
        lines = [
            gettext("{inviter} invited you to their circle “{circle}” on Shoulder,").format(
                inviter=inviter, circle=invite.circle.name
            ),
            gettext("a quiet place for a few trusted friends to be there for each other."),
            "",
        ]
        # A new account's free text is left out, so the invite email is no relay for
        # strangers' messages to any address (it still shows in the app's invite preview).
        account_age = invite.created_at - invite.created_by.date_joined
        if invite.message and account_age >= invite_message_min_account_age():
            lines += [gettext("{inviter} wrote:").format(inviter=inviter), invite.message, ""]
        lines += [
            gettext("Open this link to see the invite and join:"),
            link,
            "",
            gettext(
                "The link works until {date}. If you don't want to join, "
                "you can simply ignore this email."
            ).format(date=date_format(invite.expires_at, "d F Y")),
        ]
        subject = str(INVITE_EMAIL_SUBJECT)
    send_mail(
        subject=subject,  # fixed: nobody's chosen name in a Subject
        message="\n".join(lines),
        from_email=None,
        recipient_list=[invite.email],
    )
