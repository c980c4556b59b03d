"""What the browser journeys share: one browser context per person, an accessibility check of
every page they see, screenshots, logins and second-factor codes."""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client

from tests.conftest import client_for

# Impacts that fail a journey; "moderate" and "minor" findings are reported in the artefacts.
BLOCKING_IMPACTS = ("serious", "critical")
# WCAG 2.2 A and AA (which turns on target-size, off by default) and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
TOTP_PERIOD = 30

_axe = Axe()


class Person:
    """One person in their own browser context (their own cookies), whose every page is checked
    with axe-core before the journey moves on. A page left unchecked fails the test."""

    def __init__(self, context, *, role: str, live_url: str, artefacts: Path):
        self.context = context
        self.role = role
        self.live_url = live_url
        self.artefacts = artefacts
        self.page = context.new_page()
        self.page.set_default_timeout(15_000)
        self.checked_pages: list[str] = []
        self.unchecked_pages: list[str] = []
        self.moderate: list[str] = []
        self._pending: str | None = None
        self._current = ""
        self.page.on("framenavigated", self._navigated)

    # --- navigation ---------------------------------------------------------------------------

    def _navigated(self, frame) -> None:
        if frame != self.page.main_frame:
            return
        previous, self._current = self._current, frame.url
        url = urldefrag(frame.url)[0]
        if previous and previous != frame.url and urldefrag(previous)[0] == url:
            return  # a jump within the page (a skip link): not a new page
        if self._pending is not None:
            self.unchecked_pages.append(self._pending)
        self._pending = url

    def url(self, path: str) -> str:
        return self.live_url + path

    def goto(self, path: str, name: str | None = None):
        """Open a page by its address (as if typed), then check it."""
        self.page.goto(self.url(path))
        return self.check(name or path)

    @property
    def path(self) -> str:
        parts = urlsplit(self.page.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    # --- checks -------------------------------------------------------------------------------

    def check(self, name: str):
        """Run axe-core on the page as it is now, save a screenshot, and fail on any violation of
        serious or critical impact."""
        self.page.wait_for_load_state("load")
        results = _axe.run(self.page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.role}-{name}".lower()).strip("-")
        number = len(list(self.artefacts.glob("*.png"))) + 1
        self.page.screenshot(path=self.artefacts / f"{number:02d}-{slug}.png", full_page=True)
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        self.moderate += [f"{self.path}: {v['id']} ({v['impact']})" for v in violations]
        assert not blocking, (
            f"axe-core found problems on {self.path} as {self.role}:\n" + _describe(blocking)
        )
        url = urldefrag(self.page.url)[0]
        self.checked_pages.append(url)
        if self._pending == url:
            self._pending = None
        return self.page

    def finish(self) -> list[str]:
        """Pages this person saw that were never checked."""
        missed = list(self.unchecked_pages)
        if self._pending is not None:
            missed.append(self._pending)
        return missed

    # --- signing in -----------------------------------------------------------------------------

    def sign_in_as(self, user) -> None:
        """Start signed in, with a session made on the server (the login form itself is driven
        in the journeys that are about it)."""
        client = client_for(Client(), user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": self.live_url}]
        )


def _describe(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '')!s}"[:400])
    return "\n".join(lines)


def totp_code(secret: str) -> str:
    """The code an authenticator app shows now. Waits out the last seconds of a period, so the
    code is still valid when the server checks it."""
    while TOTP_PERIOD - time.time() % TOTP_PERIOD < 3:
        time.sleep(0.25)
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def invitation_path(message) -> str:
    """The path of the invitation link in an e-mail (its host is the configured public one)."""
    link = re.search(r"https?://\S+/invitation/\S+/", message.body).group(0)
    return urlsplit(link).path
