"""Switching the language keeps the person on the page they were reading, query string and all."""

import re

from playwright.sync_api import expect

SWITCHER = "form:has(select[name=language])"


def switch_language(someone, code: str, name: str):
    page = someone.page
    form = page.locator(SWITCHER)
    form.get_by_role("combobox").select_option(code)
    with page.expect_navigation():
        form.get_by_role("button").click()
    return someone.check(name)


def test_the_public_switches_to_english_on_a_filtered_library_page(person):
    public = person("public", locale="es-ES")
    page = public.goto("/knowledge/?q=polic%C3%ADa&pillar=1&sort=newest", "biblioteca")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Biblioteca de conocimiento")

    switch_language(public, "en", "library in english")
    assert public.path == "/knowledge/?q=polic%C3%ADa&pillar=1&sort=newest"
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Knowledge library")
    expect(page.get_by_role("searchbox")).to_have_value("policía")

    # The choice sticks on the next page.
    page.get_by_role("link", name="Governance").click()
    public.check("governance in english")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_a_focal_point_switches_to_spanish_on_a_report(person, bob, ecuador_report):
    focal = person("focal point")
    focal.sign_in_as(bob)
    path = f"/reporting/reports/{ecuador_report.pk}/"
    page = focal.goto(path, "report")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switch_language(focal, "es", "report in spanish")
    assert focal.path == path
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_contain_text(re.compile("Informe|Reporte"))
