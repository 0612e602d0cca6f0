"""Nothing of this app is registered in the admin, on purpose: notes are private to their
audience, staff included. Moderators see a reported note through the report's snapshot (the
moderation app), never the notes themselves."""
