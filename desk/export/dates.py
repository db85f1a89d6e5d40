"""Dates as the article's language writes them, without the locale module (whose month
names follow the machine, not the article): en-US "December 2, 2026"; British, Irish,
Australian, New Zealand, Indian and South African English "2 December 2026"."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_FIRST = frozenset({"en-us"})  # month-day-year; every other English writes day-month-year


def long_date(when: date | datetime | str, language: str | None = "en-US") -> str:
    """'December 2, 2026' (en-US) or '2 December 2026'. A string is read as an ISO date or
    timestamp; one that is not comes back as its first ten characters."""
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return when[:10]
    month = MONTHS[when.month - 1]
    code = (language or "en-US").replace("_", "-").lower()
    if code in MONTH_FIRST or code == "en":
        return f"{month} {when.day}, {when.year}"
    return f"{when.day} {month} {when.year}"
