#!/usr/bin/env python3
"""Drive a real headless Chromium for tests that must see a page as a user does.

Used as a library:

    from browser import Browser
    with Browser() as page:
        page.open("http://127.0.0.1:8080/oauth/authorizations/new?...")
        page.click(text="Allow")            # or page.click(css="form button[name=allow]")
        page.fill("input[name=path]", "/api/")  # typing; page.choose("select", "GET") picks an option
        page.wait_for("document.querySelectorAll('tr').length > 3", "three rows")
        page.url                            # the final URL, e.g. the redirect_uri with ?code=
        page.text                           # what the page says (document.body.innerText)
        page.screenshot("consent.png")

or from a shell (a Swift test runs it as a process), one JSON object on stdout:

    scripts/browser.py URL [--click-text TEXT | --click-css SELECTOR]... [--screenshot FILE]
    {"url": "...", "title": "...", "text": "..."}

Every click waits for the document it leaves to be replaced, so `url` is read after the navigation
the click caused, redirects included. Exit status 1 with a message on stderr when an element is
missing or a page does not load in time.

Debian's chromium and chromium-driver (scripts/install-browser) are driven through Selenium. It runs
as root in CI, hence --no-sandbox; each Browser gets its own temporary profile, removed on close.
The binaries are found on PATH; CHROMIUM and CHROMEDRIVER name others.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.select import Select

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")

# What a user can click by its label: the consent page's "Allow"/"Deny" are buttons, but links and
# input buttons count as well.
CLICKABLE = "button, input[type=submit], input[type=button], a, [role=button]"

# A property set on the current document; a new document (after navigation) does not have it.
MARK_DOCUMENT = "document.__browser_py_old = true"
NEW_DOCUMENT_LOADED = "return !document.__browser_py_old && document.readyState === 'complete'"


class BrowserError(Exception):
    """A page did not do what the caller expected: the message says what and where."""


class Browser:
    def __init__(self, timeout=10.0, window_size=(1280, 900)):
        if not (CHROMIUM and CHROMEDRIVER):
            raise BrowserError("chromium or chromedriver is not on PATH: run scripts/install-browser")
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="browser-py-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in (
            "--headless=new",
            "--no-sandbox",  # root in CI: Chromium refuses to start sandboxed as root
            "--disable-gpu",
            "--disable-dev-shm-usage",  # containers give /dev/shm 64 MB; tabs crash in it
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            f"--user-data-dir={self._profile}",
            f"--window-size={window_size[0]},{window_size[1]}",
        ):
            options.add_argument(argument)
        try:
            # Both paths given, so Selenium never looks for (or downloads) a driver of its own.
            self._driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        except WebDriverException as error:
            shutil.rmtree(self._profile, ignore_errors=True)
            raise BrowserError(f"Chromium did not start ({CHROMIUM}, {CHROMEDRIVER}): {error.msg}") from error
        self._driver.set_page_load_timeout(timeout)

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()

    def close(self):
        try:
            self._driver.quit()
        finally:
            shutil.rmtree(self._profile, ignore_errors=True)

    def open(self, url):
        """Load url and wait until its document (and whatever it redirected to) is complete."""
        self._navigating(lambda: self._driver.get(url), f"opening {url}")

    def click(self, css=None, text=None, navigates=True):
        """Click the element matching a CSS selector, or the clickable whose label is `text`.

        With navigates (the default) the call returns once the click's navigation has loaded; a
        click that only runs script passes navigates=False."""
        what = f"clicking {css or repr(text)} on {self.url}"
        if navigates:
            self._navigating(self._find(css, text).click, what)
            return
        # A page that re-renders on its own (the dashboard polls its journal) can replace the
        # element between finding and clicking it; what the user clicks is the one shown then.
        for attempt in range(5):
            try:
                self._find(css, text).click()
                return
            except StaleElementReferenceException:
                if attempt == 4:
                    raise

    def fill(self, css, value):
        """Replace the value of the input matching css by typing value, as a user would (so the
        page sees its input events); a file input is given the path of the file to upload."""
        element = self._find(css, None)
        if element.get_attribute("type") != "file":
            element.clear()
        element.send_keys(value)

    def choose(self, css, value):
        """Pick the option whose value is value in the <select> matching css."""
        Select(self._find(css, None)).select_by_value(value)

    def wait_for(self, script, what, timeout=None):
        """Poll a JavaScript expression until it is truthy and return its value; BrowserError
        naming what was awaited (and what the page says) when it never is."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            value = self._driver.execute_script("return " + script)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"waited {timeout or self.timeout} s for {what} on {self.url}; the page says: {self.text[:600]!r}")
            time.sleep(0.05)

    def evaluate(self, script, *arguments):
        """The value of a JavaScript function body run in the page (`return …`)."""
        return self._driver.execute_script(script, *arguments)

    @property
    def url(self):
        """The address of the page shown. On Chromium's own error page (the redirect target did not
        answer) this is the address that failed to load, not chrome-error://."""
        history = self._driver.execute_cdp_cmd("Page.getNavigationHistory", {})
        return history["entries"][history["currentIndex"]]["url"]

    @property
    def title(self):
        return self._driver.title

    @property
    def text(self):
        return self._driver.execute_script("return document.body ? document.body.innerText : ''")

    def screenshot(self, path):
        """Save what the window shows as a PNG file."""
        if not self._driver.save_screenshot(path):
            raise BrowserError(f"could not save a screenshot to {path}")

    def _find(self, css, text):
        if (css is None) == (text is None):
            raise BrowserError("click needs exactly one of css= or text=")
        if css is not None:
            found = self._driver.find_elements(By.CSS_SELECTOR, css)
            missing = f"nothing matches CSS {css!r}"
        else:
            found = [
                element
                for element in self._driver.find_elements(By.CSS_SELECTOR, CLICKABLE)
                if text in (element.text.strip(), (element.get_attribute("value") or "").strip())
            ]
            missing = f"nothing clickable is labelled {text!r}"
        if not found:
            raise BrowserError(f"{missing} on {self.url}; the page says: {self.text[:300]!r}")
        return found[0]

    def _navigating(self, action, what):
        """Run action, then wait until a new document has replaced the current one and loaded."""
        try:
            self._driver.execute_script(MARK_DOCUMENT)
        except WebDriverException:
            pass  # no document yet (the first open): any document after the action is new
        try:
            action()
        except WebDriverException as error:
            raise BrowserError(f"{what}: {error.msg}") from error
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                if self._driver.execute_script(NEW_DOCUMENT_LOADED):
                    return
            except WebDriverException:
                pass  # the old document went away mid-call; the next poll sees the new one
            time.sleep(0.05)
        raise BrowserError(f"{what}: no new page loaded within {self.timeout} s (still at {self.url})")


def main(argv):
    parser = argparse.ArgumentParser(description="Open a page in headless Chromium, click, report.")
    parser.add_argument("url")
    parser.add_argument("--click-text", action="append", dest="clicks", type=lambda t: ("text", t),
                        help="click the button or link with this label (repeatable, in order)")
    parser.add_argument("--click-css", action="append", dest="clicks", type=lambda c: ("css", c),
                        help="click the element matching this CSS selector (repeatable, in order)")
    parser.add_argument("--screenshot", metavar="FILE", help="save the final page as a PNG")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per page (default 10)")
    arguments = parser.parse_args(argv)
    try:
        with Browser(timeout=arguments.timeout) as page:
            page.open(arguments.url)
            for kind, value in arguments.clicks or []:
                page.click(**{kind: value})
            if arguments.screenshot:
                page.screenshot(arguments.screenshot)
            json.dump({"url": page.url, "title": page.title, "text": page.text}, sys.stdout)
            print()
    except BrowserError as error:
        print(f"browser.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
