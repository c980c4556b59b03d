"""A report can be filed with the keyboard alone: Tab, Enter, Space, arrows and typing, never
the mouse; the element that has the focus is always visibly marked."""

import re

from playwright.sync_api import expect

from working_groups.models import ProgressReport

# What a sighted keyboard user reads as the focused control: its label, text or value.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {name: "", visible: false};
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  const style = getComputedStyle(el);
  return {
    name: (label || el.innerText || el.value || el.getAttribute("aria-label") || "").trim(),
    tag: el.tagName.toLowerCase(),
    visible: el.matches(":focus-visible")
      && (style.outlineStyle !== "none" || style.boxShadow !== "none"),
  };
}"""


def tab_to(page, name: str, *, limit: int = 80) -> dict:
    """Press Tab until the focus is on a control whose name starts with ``name``."""
    pattern = re.compile(rf"^{re.escape(name)}", re.IGNORECASE)
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        seen.append(focused["name"][:40])
        if pattern.search(focused["name"]):
            assert focused["visible"], f"the focus on {name!r} is not visible"
            return focused
    raise AssertionError(f"Tab never reached {name!r}; it went through {seen}")


def press_to_navigate(page, key: str) -> None:
    with page.expect_navigation():
        page.keyboard.press(key)


def test_a_focal_point_files_a_report_without_a_mouse(person, bob, ecuador_report):
    focal = person("keyboard")
    focal.sign_in_as(bob)
    page = focal.goto("/reporting/", "reporting")

    # The skip link comes first and moves the focus to the content.
    assert tab_to(page, "Skip to main content", limit=1)
    page.keyboard.press("Enter")
    tab_to(page, "Fill in")
    press_to_navigate(page, "Enter")
    focal.check("report form")

    tab_to(page, "Overall achievements")
    page.keyboard.type("Two regional trainings held.")
    # Submitting too early shows what is missing, field by field.
    tab_to(page, "Submit the report")
    press_to_navigate(page, "Space")
    focal.check("report form with errors")
    expect(page.get_by_role("status")).to_contain_text("cannot be submitted yet")
    expect(page.get_by_label("Overall achievements")).to_have_value("Two regional trainings held.")

    tab_to(page, "Challenges")
    page.keyboard.type("Staff turnover in the ministry.")
    tab_to(page, "Status")
    page.keyboard.press("ArrowDown")  # "Not started"
    page.keyboard.press("ArrowDown")  # "On track"
    expect(page.get_by_label("Status")).to_have_value("on_track")
    tab_to(page, "Progress (%)")
    page.keyboard.type("40")
    tab_to(page, "Narrative")
    page.keyboard.type("The protocol is drafted and under consultation.")
    tab_to(page, "Submit the report")
    press_to_navigate(page, "Enter")
    focal.check("report submitted")
    expect(page.get_by_role("status")).to_contain_text("The report has been submitted.")

    ecuador_report.refresh_from_db()
    assert ecuador_report.state == ProgressReport.State.SUBMITTED
    assert ecuador_report.updates.get().percent == 40
