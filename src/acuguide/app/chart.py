"""The diary as a chart drawn here, as SVG in the page, so it needs no script: pain before and
after each session over the days, the program's weeks marked, and the line a 30% fall from the
first week's average would reach."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape as e

from ..publish.page import short_date, w
from .diary import CheckIn, summary

WIDTH, HEIGHT = 360, 230
LEFT, RIGHT, TOP, BOTTOM = 30, 12, 14, 44  # room for the scale, the dates and the legend
BEFORE, AFTER, GOAL, MARK = "#b4532a", "#2f6b66", "#7a5cb0", "#9aa5a3"
FALL = 0.3  # the trials' meaningful fall


def _day(c: CheckIn) -> date:
    return c.when.astimezone().date()  # the person's own days


def chart(checkins: list[CheckIn]) -> str:
    """The chart as an <svg> element (empty diary: an empty string)."""
    if not checkins:
        return ""
    first, last = _day(checkins[0]), _day(checkins[-1])
    span = max((last - first).days, 6)  # at least a week wide
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + plot_w * (day - first).days / span

    def y(score: float) -> float:
        return TOP + plot_h * (1 - score / 10)

    parts = [f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fff"/>']
    for score in range(0, 11, 2):
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(score):.1f}" y2="{y(score):.1f}" stroke="#e4ece9"/>'
                     f'<text x="{LEFT - 6}" y="{y(score) + 4:.1f}" text-anchor="end" class="scale">{score}</text>')  # fmt: skip
    for label, day in _weeks(checkins, first):
        parts.append(f'<line class="week" x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{TOP}" y2="{TOP + plot_h}" stroke="{MARK}" stroke-dasharray="3 3"/>'
                     f'<text x="{x(day) + 3:.1f}" y="{TOP + 11}" class="week-label">{e(label)}</text>')  # fmt: skip
    found = summary(checkins)
    if found.first is not None:
        goal = found.first * (1 - FALL)
        parts.append(f'<line class="goal" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(goal):.1f}" y2="{y(goal):.1f}" stroke="{GOAL}" stroke-width="2" stroke-dasharray="6 4"/>'
                     f'<text x="{WIDTH - RIGHT - 3}" y="{y(goal) - 5:.1f}" text-anchor="end" class="goal-label" fill="{GOAL}" stroke="#fff" stroke-width="3" paint-order="stroke">{e(w("diary.goal", value=f"{goal:.1f}"))}</text>')  # fmt: skip
    for name, colour, filled in (("before", BEFORE, False), ("after", AFTER, True)):
        by_day: dict[date, list[int]] = {}
        for c in checkins:
            score = getattr(c, name)
            if score is not None:
                by_day.setdefault(_day(c), []).append(score)
        means = [(day, sum(v) / len(v)) for day, v in sorted(by_day.items())]
        if len(means) > 1:
            points = " ".join(f"{x(day):.1f},{y(mean):.1f}" for day, mean in means)
            parts.append(f'<polyline class="{name}" points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for day, scores in sorted(by_day.items()):
            for score in scores:
                fill = colour if filled else "#fff"
                parts.append(f'<circle class="{name}" cx="{x(day):.1f}" cy="{y(score):.1f}" r="4" fill="{fill}" stroke="{colour}" stroke-width="2">'
                             f"<title>{day.isoformat()}: {w(f'diary.{name}')} {score}</title></circle>")  # fmt: skip
    base = TOP + plot_h
    parts.append(f'<text x="{LEFT}" y="{base + 16}" class="date">{short_date(first)}</text>'
                 f'<text x="{WIDTH - RIGHT}" y="{base + 16}" text-anchor="end" class="date">{short_date(first + timedelta(days=span))}</text>')  # fmt: skip
    legend = base + 36
    parts.append(f'<circle cx="{LEFT + 4}" cy="{legend - 4}" r="4" fill="#fff" stroke="{BEFORE}" stroke-width="2"/>'
                 f'<text x="{LEFT + 12}" y="{legend}" class="legend">{w("diary.before")}</text>'
                 f'<circle cx="{LEFT + 74}" cy="{legend - 4}" r="4" fill="{AFTER}" stroke="{AFTER}" stroke-width="2"/>'
                 f'<text x="{LEFT + 82}" y="{legend}" class="legend">{w("diary.after")}</text>'
                 f'<line x1="{LEFT + 136}" x2="{LEFT + 158}" y1="{legend - 4}" y2="{legend - 4}" stroke="{GOAL}" stroke-width="2" stroke-dasharray="6 4"/>'
                 f'<text x="{LEFT + 164}" y="{legend}" class="legend">{e(w("diary.goal", value="").replace(" ()", ""))}</text>')  # fmt: skip
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="11" fill="#26302f">'
        f'<title id="chart-title">{w("diary.chart")}</title>' + "".join(parts) + "</svg>"
    )


def _weeks(checkins: list[CheckIn], first: date) -> list[tuple[str, date]]:
    """Where each program week began (its first check-in's day), else where each diary week did."""
    starts: dict[int, date] = {}
    for c in checkins:
        if c.week:
            starts.setdefault(c.week, _day(c))
    if starts:
        return [
            (w("diary.week_mark", week=week), day) for week, day in sorted(starts.items()) if week > 1 or day > first
        ]
    last = _day(checkins[-1])
    return [
        (w("diary.week_mark", week=n + 1), first + timedelta(days=7 * n))
        for n in range(1, (last - first).days // 7 + 1)
    ]
