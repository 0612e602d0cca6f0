"""Bounds of the moderation app."""

import datetime as dt

DETAILS_MAX = 1000
APPEAL_TEXT_MAX = 1000
REASON_MAX = 1000
OUTCOME_TEXT_MAX = 300
LABEL_MAX = 200
APPEAL_WINDOW = dt.timedelta(days=20)
