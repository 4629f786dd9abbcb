"""Wall times in an event's zone: across daylight-saving changes and the date line."""

import zoneinfo
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from stoptheharm.events.timezones import aware_from_wall_time, utc_offset_text, wall_time_in, when_text


@pytest.mark.parametrize(
    ("zone", "wall_time", "utc"),
    [
        ("Europe/Lisbon", datetime(2027, 3, 27, 10, 0), datetime(2027, 3, 27, 10, 0)),  # WET, UTC+0
        ("Europe/Lisbon", datetime(2027, 3, 29, 10, 0), datetime(2027, 3, 29, 9, 0)),  # WEST, UTC+1 after the change
        ("America/New_York", datetime(2027, 3, 13, 9, 0), datetime(2027, 3, 13, 14, 0)),  # EST
        ("America/New_York", datetime(2027, 3, 15, 9, 0), datetime(2027, 3, 15, 13, 0)),  # EDT
        ("Pacific/Kiritimati", datetime(2027, 1, 1, 9, 0), datetime(2026, 12, 31, 19, 0)),  # UTC+14
        ("Pacific/Pago_Pago", datetime(2026, 12, 31, 8, 0), datetime(2026, 12, 31, 19, 0)),  # UTC-11
    ],
)
def test_a_wall_time_is_the_moment_the_zones_clock_shows_it(zone, wall_time, utc):
    moment = aware_from_wall_time(wall_time, zone)
    assert moment.astimezone(UTC).replace(tzinfo=None) == utc
    assert wall_time_in(moment, zone) == wall_time


def test_a_time_the_clocks_skip_is_refused_with_a_clear_error():
    with pytest.raises(ValidationError) as error:
        aware_from_wall_time(datetime(2027, 3, 28, 1, 30), "Europe/Lisbon")  # 01:00 -> 02:00 on 28 March 2027
    assert error.value.code == "skipped_time"
    assert "2027-03-28 01:30 does not exist in Europe/Lisbon" in str(error.value.messages[0])
    with pytest.raises(ValidationError):
        aware_from_wall_time(datetime(2027, 3, 14, 2, 30), "America/New_York")


def test_a_repeated_time_is_read_as_its_first_occurrence_in_summer_time():
    moment = aware_from_wall_time(datetime(2027, 11, 7, 1, 30), "America/New_York")  # 01:00-02:00 happens twice
    assert moment.astimezone(UTC).replace(tzinfo=None) == datetime(2027, 11, 7, 5, 30)  # EDT, UTC-4
    moment = aware_from_wall_time(datetime(2027, 10, 31, 1, 30), "Europe/Lisbon")
    assert moment.astimezone(UTC).replace(tzinfo=None) == datetime(2027, 10, 31, 0, 30)  # WEST, UTC+1


def test_the_same_moment_falls_on_different_dates_either_side_of_the_date_line():
    moment = aware_from_wall_time(datetime(2027, 1, 1, 9, 0), "Pacific/Kiritimati")
    assert moment.astimezone(zoneinfo.ZoneInfo("Pacific/Pago_Pago")).date().isoformat() == "2026-12-31"
    assert utc_offset_text(moment.astimezone(zoneinfo.ZoneInfo("Pacific/Kiritimati"))) == "UTC+14:00"
    assert utc_offset_text(moment.astimezone(zoneinfo.ZoneInfo("Pacific/Pago_Pago"))) == "UTC−11:00"


def test_the_text_of_an_event_across_the_clock_change_gives_both_offsets():
    starts = aware_from_wall_time(datetime(2027, 3, 27, 9, 0), "Europe/Lisbon")
    ends = aware_from_wall_time(datetime(2027, 3, 29, 17, 0), "Europe/Lisbon")
    text = when_text(starts, ends, "Europe/Lisbon")
    assert text.startswith("March 27, 2027, 9 a.m. – March 29, 2027, 5 p.m.")
    assert text.endswith("(Europe/Lisbon, UTC → UTC+01:00)")
    same_day = when_text(starts, starts.replace(hour=12), "Europe/Lisbon")
    assert same_day == "March 27, 2027, 9 a.m. – noon (Europe/Lisbon, UTC)"
