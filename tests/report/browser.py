"""Opening the report in Debian's Chromium through playwright, with every dialog, page
error and console error recorded (a CSP refusal of an injected handler or script shows as
a console error). The `browser` fixture itself is in tests/conftest.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page

# a CSP in a <meta> cannot carry frame-ancestors; Chromium says so on the console (harmless)
CONSOLE_NOISE = ("frame-ancestors",)


@dataclass
class Watched:
    page: Page
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_report(browser: Browser | BrowserContext, out: Path, name: str = "index.html") -> Watched:
    """A page of OUT/report/, watched."""
    w = Watched(browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
                if isinstance(browser, Browser) else browser.new_page())
    w.page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
    w.page.on("pageerror", lambda e: w.errors.append(str(e)))
    w.page.on("console", lambda m: w.errors.append(m.text) if m.type == "error" and not any(
        n in m.text for n in CONSOLE_NOISE) else None)
    w.page.goto((out / "report" / name).as_uri())
    return w
