"""Nothing of this app is registered in the admin, on purpose: notes are private to their
audience, staff included."""
