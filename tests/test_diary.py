"""The pain diary without a server: check-ins checked field by field, kept once by their id,
the first week against the last, the chart's marks where the numbers put them, the key made
once, and `acuguide diary` (and `--csv`) over a real SQLite file."""

from __future__ import annotations

import csv
import io
import re
import stat
import threading
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from acuguide.app import AppError, Invalid, chart, diary, key
from acuguide.cli import cli
from acuguide.publish.page import Done

SERVED = {
    "e2e": diary.Session("e2e", "Timing Check"),
    "week-2": diary.Session("week-2", "Build-up: week 2", "Build-up", 2),
}
NOW = datetime(2026, 3, 20, 12, tzinfo=timezone.utc)


def kept(folder, *rows):
    """A diary in `folder` with check-ins (day of March, before, after[, session])."""
    book = diary.Diary(folder)
    for row in rows:
        day, before, after, *session = row
        sent = {
            "session": session[0] if session else "e2e",
            "before": before,
            "after": after,
            "at": f"2026-03-{day:02d}T09:00:00Z",
        }
        book.add(diary.check_in(sent, SERVED, NOW))
    return book


def test_a_checkin_keeps_what_the_session_was_so_its_history_reads_when_the_file_is_gone():
    found = diary.check_in({"session": "week-2", "before": 0, "after": 10, "id": "abcdefgh"}, SERVED, NOW)
    assert (found.id, found.title, found.program, found.week, found.before, found.after) == (
        "abcdefgh", "Build-up: week 2", "Build-up", 2, 0, 10)  # fmt: skip
    assert found.at == "2026-03-20T12:00:00+00:00"
    assert (
        diary.check_in({"session": "e2e", "after": 3, "at": 1772355600}, SERVED, NOW).at == "2026-03-01T09:00:00+00:00"
    )


@pytest.mark.parametrize("sent", [{"session": "e2e", "before": float("nan")}, {"session": "e2e", "before": 3, "at": float("inf")},
                                  {"session": "e2e", "before": 3, "at": "2026-03-01T09:00:00"}, {"session": "e2e", "before": 10**30},
                                  {"session": ["e2e"], "before": 3}, {"session": "e2e", "before": 3, "id": "a" * 65}])  # fmt: skip
def test_what_is_not_a_checkin_is_refused_with_its_field_named(sent):
    with pytest.raises(Invalid) as error:
        diary.check_in(sent, SERVED, NOW)
    assert re.match(r"(before|at|session|id): ", str(error.value)), error.value


def test_a_checkin_sent_twice_is_kept_once(tmp_path):
    book = diary.Diary(tmp_path)
    sent = {"session": "e2e", "before": 4, "after": 2, "id": "queued-on-the-phone"}
    assert book.add(diary.check_in(sent, SERVED, NOW)) is True
    assert book.add(diary.check_in({**sent, "after": 1}, SERVED, NOW)) is False
    assert [(c.before, c.after) for c in book.all()] == [(4, 2)]
    assert book.done() == {"e2e": Done(1, NOW)}


def test_writes_from_many_threads_are_all_kept(tmp_path):
    book = diary.Diary(tmp_path)

    def write(n):
        book.add(diary.check_in({"session": "e2e", "before": n % 11, "id": f"thread-{n:04d}"}, SERVED, NOW))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(book.all()) == 40
    assert len(diary.Diary(tmp_path).all()) == 40  # a second connection reads what the first wrote


def test_the_first_week_is_set_against_the_last_seven_days(tmp_path):
    book = kept(tmp_path, (1, 8, 6), (3, 6, 5), (5, 7, 5), (15, 5, 3), (17, 4, 2), (18, None, 2))
    found = diary.summary(book.all())
    # before-scores only: an after-score standing in for a skipped before would lower the line
    assert found.first == 7.0 and found.last == pytest.approx((5 + 4) / 2)
    assert found.change == pytest.approx(1 - 4.5 / 7)
    lines = diary.history(book.all())
    assert lines[0].endswith("before  8  after  6  Timing Check") and "before  -  after  2" in lines[5]
    assert "36% less than the first week (a fall of 30% or more is what the trials counted as meaningful)" in lines[-1]


def test_a_diary_of_one_week_has_no_trend_yet(tmp_path):
    found = diary.summary(kept(tmp_path, (1, 6, 4), (2, 5, 3)).all())
    assert found.first == 5.5 and found.last is None and found.change is None
    assert diary.summary([]) == diary.Summary(None, None, 0)


def test_the_chart_puts_each_score_at_its_day_and_height_and_marks_the_program_weeks(tmp_path):
    book = kept(tmp_path, (1, 6, 4), (8, 5, 3, "week-2"), (15, 4, 2))
    svg = chart.chart(book.all())
    before = re.findall(r'<circle class="before" cx="([\d.]+)" cy="([\d.]+)"', svg)
    xs, ys = [float(x) for x, _ in before], [float(y) for _, y in before]
    assert xs == sorted(xs) and xs[0] == chart.LEFT and xs[-1] == chart.WIDTH - chart.RIGHT  # two weeks wide
    assert ys == sorted(ys)  # 6, 5, 4: lower pain lower on the chart means higher y... so it falls
    height = chart.HEIGHT - chart.TOP - chart.BOTTOM
    assert ys[0] == pytest.approx(chart.TOP + height * 0.4, abs=0.1)  # 6 of 10
    goal = float(re.search(r'<line class="goal" [^>]*y1="([\d.]+)"', svg).group(1))
    assert goal == pytest.approx(chart.TOP + height * (1 - 6 * 0.7 / 10), abs=0.1)  # 30% below week 1's 6
    assert re.findall(r'class="week-label">([^<]+)<', svg) == ["wk 2"]  # the program's week 2 began on the 8th
    assert chart.chart([]) == ""


def test_the_chart_is_well_formed_svg_and_escapes_nothing_it_should_not(tmp_path):
    from xml.etree import ElementTree as ET

    svg = chart.chart(kept(tmp_path, (1, 6, 4), (2, 5, 3)).all())
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("role") == "img"


def test_the_csv_is_one_row_a_checkin_and_a_title_is_never_a_formula(tmp_path):
    served = {"evil": diary.Session("evil", '=HYPERLINK("http://x")')}
    book = diary.Diary(tmp_path)
    book.add(
        diary.check_in({"session": "evil", "before": 3, "at": "2026-03-01T09:00:00Z", "id": "evil-0001"}, served, NOW)
    )
    rows = list(csv.reader(io.StringIO(diary.to_csv(book.all()))))
    assert rows == [["id", "at", "session", "title", "program", "week", "before", "after"],
                    ["evil-0001", "2026-03-01T09:00:00+00:00", "evil", "'=HYPERLINK(\"http://x\")", "", "", "3", ""]]  # fmt: skip


def test_the_key_is_made_once_and_only_its_owner_reads_it(tmp_path):
    folder = tmp_path / "data"
    keys = []
    threads = [threading.Thread(target=lambda: keys.append(key.secret_key(folder))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and key.secret_key(folder) == keys[0]
    assert stat.S_IMODE((folder / "key").stat().st_mode) == 0o600 and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == ["key"]  # no temporary file left
    (folder / "key").chmod(0o644)
    assert key.secret_key(folder) == keys[0] and stat.S_IMODE((folder / "key").stat().st_mode) == 0o600
    assert key.matches(keys[0], keys[0]) and not key.matches(keys[0][:-1], keys[0]) and not key.matches(None, keys[0])
    (folder / "key").write_text("short")
    with pytest.raises(AppError, match="is not a key acuguide made; delete it"):
        key.secret_key(folder)


def test_acuguide_diary_prints_the_history_and_exports_csv(tmp_path):
    kept(tmp_path, (1, 7, 5), (9, 4, 2)).close()
    result = CliRunner().invoke(cli, ["diary", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0 and "before  7  after  5  Timing Check" in result.output
    assert "2 check-ins; first week, before a session: 7.0 on average; last 7 days: 4.0" in result.output
    result = CliRunner().invoke(cli, ["diary", "--csv", "--data-dir", str(tmp_path)])
    assert (
        result.exit_code == 0 and result.output.count("\n") == 3 and result.output.endswith(",e2e,Timing Check,,,4,2\n")
    )


def test_acuguide_diary_with_no_diary_yet_says_so_and_makes_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ACUGUIDE_DATA_DIR", str(tmp_path / "nothing"))
    result = CliRunner().invoke(cli, ["diary"])
    assert result.exit_code == 0 and "No check-ins yet" in result.output
    assert not (tmp_path / "nothing").exists()
    assert CliRunner().invoke(cli, ["diary", "--csv"]).output == "id,at,session,title,program,week,before,after\n"


def test_a_diary_that_is_not_sqlite_is_one_line_saying_what_to_do(tmp_path):
    (tmp_path / "diary.sqlite3").write_text("not a database, just text " * 100)
    result = CliRunner().invoke(cli, ["diary", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1 and "cannot open the diary" in result.output and "Traceback" not in result.output


def test_the_data_folder_follows_the_environment(monkeypatch, tmp_path):
    from acuguide.app import data_dir

    monkeypatch.delenv("ACUGUIDE_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert data_dir() == tmp_path / "xdg" / "acuguide"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert data_dir() == tmp_path / "home" / ".local" / "share" / "acuguide"
    monkeypatch.setenv("ACUGUIDE_DATA_DIR", str(tmp_path / "mine"))
    assert data_dir() == tmp_path / "mine"


def test_a_programs_week_is_this_weeks_for_six_days_then_the_next_one_is_next():
    from types import SimpleNamespace

    from acuguide.publish.page import Group, next_week

    weeks = Group("program", "Easing In", tuple(SimpleNamespace(slug=f"week-{n}") for n in (1, 2, 3)))
    day = lambda n: datetime(2026, 3, n, 9, tzinfo=timezone.utc)  # noqa: E731
    assert next_week(weeks, {}, day(1)) == ("week-1", "next")
    assert next_week(weeks, {"week-1": Done(1, day(1))}, day(6)) == ("week-1", "this_week")
    assert next_week(weeks, {"week-1": Done(3, day(1))}, day(7)) == ("week-2", "next")
    assert next_week(weeks, {"week-1": Done(3, day(1)), "week-2": Done(1, day(8))}, day(9)) == ("week-2", "this_week")
    assert next_week(weeks, {"week-3": Done(2, day(1))}, day(20)) is None  # the last week's days are over


@pytest.mark.process
def test_acuguide_diary_never_imports_the_audio_stack(tmp_path):
    import subprocess
    import sys

    kept(tmp_path, (1, 7, 5)).close()
    code = (
        "import sys; from click.testing import CliRunner; from acuguide.cli import cli;"
        f"assert CliRunner().invoke(cli, ['diary', '--data-dir', {str(tmp_path)!r}]).exit_code == 0;"
        "print(sorted(m for m in ('pyttsx3', 'pydub', 'piper', 'onnxruntime', 'numpy', 'aiohttp') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
