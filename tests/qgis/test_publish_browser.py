"""The published web map in a real browser: Debian's headless Chromium through Selenium.

The page is opened from disk (file://) and from a local static server; what it shows is
compared with the programme's own tables.
"""

from __future__ import annotations

import functools
import threading
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from programmakamer.core.horizons import effective_horizon
from programmakamer.export.web_map import publish_programme
from programmakamer.store import programme as store

from .test_publish import AWKWARD, programme_works, published_programme  # noqa: F401

CHROMEDRIVER = "/usr/bin/chromedriver"  # Debian's chromium-driver (scripts/apt-packages.txt)


@pytest.fixture(scope="module")
def site(published_programme, tmp_path_factory):  # noqa: F811
    folder = tmp_path_factory.mktemp("site")
    publish_programme(published_programme, folder, language="nl")
    return folder


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--window-size=1400,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def open_page(driver, url: str) -> list[dict]:
    """Load the page, wait until its map is drawn and its findings are read; the console's
    errors of the load."""
    driver.get_log("browser")  # forget what came before
    driver.get(url)
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.body.dataset.findings === 'true'")
    )
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def shown(driver) -> list[str]:
    return sorted(driver.execute_script("return window.programmakaart.shownIds()"))


def test_the_page_opens_from_disk_without_errors_and_draws_every_work(
    browser,
    site,
    published_programme,  # noqa: F811
):
    assert open_page(browser, (site / "index.html").as_uri()) == []
    works = programme_works(published_programme)
    assert shown(browser) == sorted(works)
    assert browser.find_element(By.ID, "shown").text == "{} van {} werken getoond".format(
        len(works), len(works)
    )
    assert "programmajaar 2027" in browser.find_element(By.ID, "title").text
    assert browser.execute_script("return window.pwned") is None


def test_the_page_opens_from_a_static_server_without_errors(browser, site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        errors = open_page(browser, "http://127.0.0.1:{}/".format(server.server_port))
    finally:
        server.shutdown()
        server.server_close()
    assert errors == []
    assert browser.execute_script("return window.programmakaart.shownCount()") > 0


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_a_stakeholder_and_a_horizon_show_exactly_its_works_in_that_horizon(
    browser,
    site,
    published_programme,  # noqa: F811
):
    open_page(browser, (site / "index.html").as_uri())
    stakeholders = {
        s["name"]: s["stakeholder_id"] for s in store.read_stakeholders(published_programme)
    }
    name = "Netbeheerder Elektriciteit"
    Select(browser.find_element(By.ID, "stakeholder")).select_by_visible_text(name)
    Select(browser.find_element(By.ID, "horizon")).select_by_visible_text(
        "Korte termijn (jaar 1-2)"
    )
    expected = sorted(
        work_id
        for work_id, w in programme_works(published_programme).items()
        if w["stakeholder_id"] == stakeholders[name]
        and effective_horizon(w["horizon"], w["horizon_override"]) == "short"
    )
    assert expected and shown(browser) == expected
    assert browser.execute_script("return window.programmakaart.shownCount()") == len(expected)


def test_the_year_stepper_shows_the_works_of_that_year(browser, site, published_programme):  # noqa: F811
    open_page(browser, (site / "index.html").as_uri())
    works = programme_works(published_programme)
    first = min(w["planned_start"].year for w in works.values() if w["planned_start"])
    for _ in range(2028 - first + 1):
        browser.find_element(By.ID, "year-next").click()
    assert browser.find_element(By.ID, "year-label").text == "2028"

    def year(day: date | None, fallback: date | None) -> int | None:
        moment = day or fallback
        return moment.year if moment else None

    expected = sorted(
        work_id
        for work_id, w in works.items()
        if w["planned_start"]
        and w["planned_start"].year <= 2028 <= year(w["planned_end"], w["planned_start"])
    )
    assert 0 < len(expected) < len(works) and shown(browser) == expected


def test_clicking_a_work_opens_its_card_with_its_findings_and_a_link_to_the_other_work(
    browser, site, demo_city
):
    open_page(browser, (site / "index.html").as_uri())
    grid, sewer, _ = demo_city.planted["combine"][0]
    x, y = browser.execute_script("return window.programmakaart.pixelOf(arguments[0])", grid)
    area = browser.find_element(By.ID, "map")
    ActionChains(browser).move_to_element_with_offset(
        area, x - area.size["width"] / 2, y - area.size["height"] / 2
    ).click().perform()
    card = browser.find_element(By.ID, "card")
    WebDriverWait(browser, 5).until(lambda d: card.is_displayed())
    clicked = card.get_attribute("data-work")
    assert clicked in (grid, sewer)  # the two lie side by side in one street
    other = sewer if clicked == grid else grid
    text = card.text
    assert "Meekoppelkans" in text and "Laatste besluit: Aanvaard op 12-11-2026 14:00" in text
    if clicked == grid:
        assert "Horizon door de kamer: Lange termijn (jaar 5 en later)" in text
        assert "Budget pas in 2032" in text
    link = card.find_element(By.CSS_SELECTOR, "button.other-work[data-work='{}']".format(other))
    link.click()
    WebDriverWait(browser, 5).until(lambda d: card.get_attribute("data-work") == other)


def test_the_language_switch_turns_the_page_into_english_and_back(browser, site):
    open_page(browser, (site / "index.html").as_uri())
    switch = browser.find_element(By.ID, "language")
    assert switch.text == "English"
    switch.click()
    assert "reference year 2027" in browser.find_element(By.ID, "title").text
    legend = browser.find_element(By.ID, "legend").text
    assert "Short term (years 1-2)" in legend and "Legend" in legend
    assert "works shown" in browser.find_element(By.ID, "shown").text
    switch.click()
    assert "Korte termijn (jaar 1-2)" in browser.find_element(By.ID, "legend").text


def test_an_awkward_stakeholder_name_is_shown_as_text_and_runs_nothing(browser, site):
    assert open_page(browser, (site / "index.html").as_uri()) == []
    Select(browser.find_element(By.ID, "stakeholder")).select_by_visible_text(AWKWARD)
    assert shown(browser) == ["AWK-1"]
    assert browser.execute_script("return window.pwned") is None
    assert browser.find_elements(By.CSS_SELECTOR, "#panel script") == []


def test_colouring_by_stakeholder_puts_every_stakeholder_in_the_legend(
    browser,
    site,
    published_programme,  # noqa: F811
):
    open_page(browser, (site / "index.html").as_uri())
    Select(browser.find_element(By.ID, "style")).select_by_value("stakeholder")
    legend = browser.find_element(By.ID, "legend-items").text.splitlines()
    names = [s["name"] for s in store.read_stakeholders(published_programme)]
    assert set(names) <= set(legend) and AWKWARD in legend
    assert "Korte termijn (jaar 1-2)" not in legend
    assert browser.execute_script("return window.programmakaart.shownCount()") == len(
        programme_works(published_programme)
    )


def test_a_filter_change_leaves_no_hidden_work_drawn(browser, site, published_programme):  # noqa: F811
    """The map's own next frame (the works traced in it) follows each change: narrowing,
    switching to another stakeholder, recolouring, widening back to all works."""
    open_page(browser, (site / "index.html").as_uri())
    ids = {s["name"]: s["stakeholder_id"] for s in store.read_stakeholders(published_programme)}
    works = programme_works(published_programme)
    grid, sewer = "Netbeheerder Elektriciteit", "Gemeente – Riolering"
    one = min(w for w, row in works.items() if row["stakeholder_id"] == ids[grid])
    other = min(w for w, row in works.items() if row["stakeholder_id"] == ids[sewer])
    stakeholder = Select(browser.find_element(By.ID, "stakeholder"))

    def drawn() -> list[bool]:
        return browser.execute_script(
            "const p = window.programmakaart; return arguments[0].map(id => p.isDrawn(id))",
            [one, other],
        )

    def shows(expected: list[bool]) -> bool:
        try:
            WebDriverWait(browser, 3).until(lambda d: drawn() == expected)
        except TimeoutException:
            return False
        return True

    assert shows([True, True])
    stakeholder.select_by_visible_text(grid)
    assert shows([True, False])
    stakeholder.select_by_visible_text(sewer)
    assert shows([False, True])
    Select(browser.find_element(By.ID, "style")).select_by_value("stakeholder")
    assert shows([False, True])
    stakeholder.select_by_value("-1")
    assert shows([True, True])
