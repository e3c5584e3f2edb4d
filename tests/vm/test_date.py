"""Date arithmetic (date_math) against Python's calendar, local time under real time
zones, and whole Date programs against node under several TZ settings."""

from __future__ import annotations

import datetime
import math
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vm.builtins import date_math as dm
from vm.builtins.date_parse import parse_date

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):
    """Switch this process's local time zone (restored afterwards)."""
    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()
    yield use
    monkeypatch.undo()
    time.tzset()


def test_day_numbers_match_the_gregorian_calendar() -> None:
    rng = random.Random(7)
    epoch = datetime.date(1970, 1, 1).toordinal()
    for _ in range(2000):
        d = datetime.date.fromordinal(rng.randrange(1, datetime.date.max.toordinal()))
        days = d.toordinal() - epoch
        assert dm.days_from_civil(d.year, d.month, d.day) == days
        assert dm.civil_from_days(days) == (d.year, d.month, d.day)


def test_round_trip_far_outside_python_dates() -> None:
    for days in (-100_000_001, -719_529, -1, 0, 59, 100_000_000):
        assert dm.days_from_civil(*dm.civil_from_days(days)) == days


def test_fields_of_negative_time_values() -> None:
    assert dm.fields(-1.0) == (1969, 11, 31, 23, 59, 59, 999, 3)
    assert dm.fields(-8.64e15)[:3] == (-271821, 3, 20)


def test_make_day_overflows_months_and_rejects_non_finite() -> None:
    assert dm.make_day(2024.0, 12.0, 1.0) == dm.make_day(2025.0, 0.0, 1.0)
    assert dm.make_day(2024.0, -1.0, 1.0) == dm.make_day(2023.0, 11.0, 1.0)
    assert dm.make_day(2024.0, 1.9, 1.9) == dm.make_day(2024.0, 1.0, 1.0)
    assert math.isnan(dm.make_day(math.inf, 0.0, 1.0))
    assert math.isnan(dm.make_day(1e300, 0.0, 1.0))
    assert math.isnan(dm.make_time(0.0, math.nan, 0.0, 0.0))


def test_time_clip_bounds_and_negative_zero() -> None:
    assert dm.time_clip(8.64e15) == 8.64e15
    assert math.isnan(dm.time_clip(8.64e15 + 1))
    assert math.copysign(1.0, dm.time_clip(-0.5)) == 1.0
    assert dm.time_clip(-1.5) == -1.0


def test_new_york_offsets_gaps_and_overlaps(zone) -> None:
    zone("America/New_York")
    jan = dm.make_date(dm.make_day(2024.0, 0.0, 15.0), 0.0)
    assert dm.utc(jan) - jan == 5 * dm.MS_PER_HOUR
    # 02:30 on 2024-03-10 does not exist: the offset before the gap (EST) applies
    gap = dm.make_date(dm.make_day(2024.0, 2.0, 10.0), 2.5 * dm.MS_PER_HOUR)
    assert dm.utc(gap) - gap == 5 * dm.MS_PER_HOUR
    # 01:30 on 2024-11-03 happens twice: the earlier instant (EDT) wins
    twice = dm.make_date(dm.make_day(2024.0, 10.0, 3.0), 1.5 * dm.MS_PER_HOUR)
    assert dm.utc(twice) - twice == 4 * dm.MS_PER_HOUR
    assert dm.zone_name(dm.utc(jan)) == "Eastern Standard Time"


def test_local_mean_time_keeps_seconds(zone) -> None:
    zone("America/New_York")
    t = dm.make_date(dm.make_day(1800.0, 0.0, 1.0), 0.0)
    assert dm.offset_at(t) == -(4 * 3600 + 56 * 60 + 2) * 1000


def test_iso_date_only_is_utc_and_date_time_is_local(zone) -> None:
    zone("Asia/Kolkata")
    assert parse_date("2024-01-02") == 1704153600000.0
    assert parse_date("2024-01-02T00:00") == 1704153600000.0 - 5.5 * dm.MS_PER_HOUR
    assert math.isnan(parse_date("2024-01-02T25:00"))


# -- whole programs against node under several time zones -----------------------------------
# (ICU names a few historical periods oddly, e.g. Sydney's 1970 as daylight time; the
# program keeps to dates where the C library's zone data and ICU's names agree.)

PROGRAM = r"""
const dates = [new Date(2024, 0, 2, 3, 4, 5), new Date(2024, 6, 4, 15, 30),
  new Date(2024, 2, 10, 2, 30), new Date(2024, 9, 6, 2, 30), new Date(1800, 0, 1),
  new Date(1990, 0, 1), new Date(2038, 5, 1)];
for (const d of dates) {
  console.log(d.toString(), "|", d.toISOString(), "|", d.getTimezoneOffset());
  console.log(d.toLocaleString());
  console.log(d.getHours(), d.getDate(), Date.parse(d.toString()) === d.getTime());
  d.setHours(26); d.setMonth(7);
  console.log(d.toString());
}
for (const s of ["2024-06-01T12:00", "Jun 1 2024 12:00", "2024-06-01",
                 "Sun Nov 03 2024 01:30:00"]) {
  console.log(s, Date.parse(s));
}
"""


@pytest.mark.parametrize("tz", ["UTC", "America/New_York", "Europe/London", "Australia/Sydney",
                                "Asia/Kolkata", "America/St_Johns", "Europe/Berlin", ""])
def test_dates_print_as_node_prints_them(tz: str, tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "tools"))
    from npm_cache import NodeUnavailable, node_executable

    try:
        node = node_executable()
    except NodeUnavailable as e:
        pytest.skip(str(e))
    script = tmp_path / "dates.js"
    script.write_text(PROGRAM)
    env = {**os.environ, "TZ": tz, "PYTHONPATH": str(ROOT)}
    expected = subprocess.run([node, str(script)], env=env, capture_output=True, text=True,
                              check=True).stdout
    got = subprocess.run([sys.executable, "-m", "caplet.cli", "run", str(script)], env=env,
                         capture_output=True, text=True, cwd=ROOT)
    assert got.returncode == 0, got.stderr
    assert got.stdout == expected
