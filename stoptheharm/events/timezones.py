"""Wall-clock times in an event's own time zone, and the choice of zones (IANA names, through zoneinfo).

Editors type the time people will see on the clock where the event happens; it is stored as an
aware datetime (UTC in the database). A wall time that a zone skips (clocks go forward) is refused.
A wall time that a zone repeats (clocks go back) is read as its first occurrence (`fold=0`, still in
summer time): the page shows the UTC offset beside every time, so the choice is visible.
"""

import functools
import zoneinfo
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

SKIPPED_TIME = _("%(time)s does not exist in %(zone)s: the clocks skip it. Choose another time.")
UNKNOWN_ZONE = _("Choose a time zone from the list.")


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA zone this system knows, sorted by name, e.g. ("Europe/Lisbon", "Europe/Lisbon")."""
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def is_known_zone(name: str) -> bool:
    return name in zoneinfo.available_timezones()


def validate_zone(name: str) -> None:
    if not is_known_zone(name):
        raise ValidationError(UNKNOWN_ZONE, code="unknown_zone")


def aware_from_wall_time(wall_time: datetime, zone_name: str) -> datetime:
    """The moment a clock in `zone_name` shows `wall_time` (naive); ValidationError if the zone skips it."""
    zone = zoneinfo.ZoneInfo(zone_name)
    moment = wall_time.replace(tzinfo=zone, fold=0)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != wall_time.replace(fold=0):
        raise ValidationError(
            SKIPPED_TIME, code="skipped_time", params={"time": wall_time.strftime("%Y-%m-%d %H:%M"), "zone": zone_name}
        )
    return moment


def wall_time_in(moment: datetime, zone_name: str) -> datetime:
    """What a clock in `zone_name` shows at `moment` (aware), without the zone: what the editor typed."""
    return moment.astimezone(zoneinfo.ZoneInfo(zone_name)).replace(tzinfo=None)


def utc_offset_text(moment: datetime) -> str:
    """The offset of an aware moment, e.g. "UTC+01:00" or "UTC"; negative ones with a minus sign (U+2212)."""
    offset = moment.utcoffset()
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes > 0 else "\u2212"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def when_text(starts_at: datetime, ends_at: datetime, zone_name: str) -> str:
    """The dates and times as the event's clock shows them, with the zone and its UTC offset(s).

    E.g. "March 27, 2027, 9 a.m. \u2013 March 29, 2027, 5 p.m. (Europe/Lisbon, UTC \u2192 UTC+01:00)" when
    the clocks change during the event.
    """
    zone = zoneinfo.ZoneInfo(zone_name)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    start_text = formats.date_format(start, "DATETIME_FORMAT")
    end_text = (
        formats.time_format(end, "TIME_FORMAT")
        if start.date() == end.date()
        else formats.date_format(end, "DATETIME_FORMAT")
    )
    offsets = utc_offset_text(start)
    if end.utcoffset() != start.utcoffset():
        offsets = f"{offsets} → {utc_offset_text(end)}"
    return f"{start_text} \u2013 {end_text} ({zone_name.replace('_', ' ')}, {offsets})"
