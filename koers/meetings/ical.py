"""iCalendar (RFC 5545) feed of a body's meetings: plain text, no Django."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    uid: str
    day: datetime.date
    start: datetime.time | None
    summary: str
    location: str
    url: str
    cancelled: bool
    stamp: datetime.datetime


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def calendar(name: str, events: Iterable[Event]) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//IPO//Koers//NL",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        utc = event.stamp.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        if event.start is None:
            start = f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}"
        else:
            start = f"DTSTART;TZID=Europe/Amsterdam:{event.day:%Y%m%d}T{event.start:%H%M%S}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{utc}",
            start,
            f"SUMMARY:{_escape(event.summary)}",
            *([f"LOCATION:{_escape(event.location)}"] if event.location else []),
            f"URL:{event.url}",
            f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
