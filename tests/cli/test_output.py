"""desk.cli.output: the tables' times are the reader's local clock."""

import json
import os
import time

import pytest

from desk.cli.output import local_stamp


@pytest.fixture
def in_zone():
    """Run in a fixed time zone (restored after)."""
    before = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_a_stored_utc_stamp_is_shown_in_local_time(in_zone):
    in_zone("Asia/Kolkata")  # UTC+5:30, no daylight saving
    assert local_stamp("2026-12-08T01:24:00.000000+00:00") == "2026-12-08 06:54"
    in_zone("UTC")
    assert local_stamp("2026-12-08T01:24:00.000000+00:00") == "2026-12-08 01:24"


def test_a_stamp_without_a_zone_is_taken_as_utc(in_zone):
    in_zone("America/Sao_Paulo")  # UTC-3, no daylight saving since 2019
    assert local_stamp("2026-12-08T01:24:00") == "2026-12-07 22:24"


def test_what_is_not_a_stamp_is_shown_as_stored():
    assert local_stamp("yesterday") == "yesterday"


def test_desk_list_shows_the_local_time_and_json_the_stored_one(run, tmp_path, in_zone):
    in_zone("Asia/Kolkata")
    story = tmp_path / "zones.md"
    story.write_text("# Zones\n\nA line of text.\n", encoding="utf-8")
    assert run("import", str(story))[0] == 0
    _, out, _ = run("list")
    listed = [line for line in out.splitlines() if "Zones" in line]
    _, out, _ = run("list", "--format", "json")
    stamp = json.loads(out)[0]["updated_at"]
    assert stamp[:16].replace("T", " ") not in listed[0]  # UTC+5:30 is not UTC
    assert local_stamp(stamp) in listed[0]
