"""Small server-rendered SVG charts: no script, readable without colour (every bar carries its
value as text), with a title and a description for screen readers."""

from dataclasses import dataclass

from django.utils.formats import number_format

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260
BAR_WIDTH = 300
WIDTH = LABEL_WIDTH + BAR_WIDTH + 70


@dataclass
class Bar:
    label: str
    value: float | None
    text: str
    y: int
    width: int


def bar_chart(items, *, title: str, maximum: float = 100, unit: str = "%") -> dict:
    """``items`` is a list of (label, value or None). Returns what the template
    ``working_groups/_bar_chart.html`` draws."""
    bars = []
    for index, (label, value) in enumerate(items):
        shown = "—" if value is None else f"{number_format(round(value, 1))}{unit}"
        width = 0 if not value else round(BAR_WIDTH * min(value, maximum) / maximum)
        label = str(label)
        if len(label) > 40:
            label = label[:39] + "…"
        bars.append(Bar(label, value, shown, index * (BAR_HEIGHT + GAP), width))
    return {
        "title": title,
        "bars": bars,
        "height": max(len(bars), 1) * (BAR_HEIGHT + GAP),
        "width": WIDTH,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "text_y": BAR_HEIGHT - 6,
    }
