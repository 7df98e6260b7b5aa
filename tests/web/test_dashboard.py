"""The dashboard in headless Chromium: markers, filters in the URL, the sortable list."""

from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest


def marker_total(page) -> int:
    """Events on the map: single pins plus the counts the clusters show."""
    return page.evaluate("""() => {
      const pins = document.querySelectorAll('.leaflet-marker-icon.pin').length;
      const clustered = [...document.querySelectorAll('.leaflet-marker-icon.cluster span')]
        .reduce((n, s) => n + Number(s.textContent), 0);
      return pins + clustered;
    }""")


def loaded(page, before: str | None = None) -> None:
    page.wait_for_function(
        "(b) => document.body.dataset.loaded && document.body.dataset.loaded !== b", arg=before)


def test_markers_for_the_demo_events(page, demo_store):
    page.goto("/")
    loaded(page)
    located = [e for e in demo_store.query_events() if e.event.latitude is not None]
    assert marker_total(page) == len(located) >= 1
    assert page.locator("#events tbody tr").count() == demo_store.count_events()
    assert page.locator(".timeline-svg rect.bar").count() >= 1
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # country outlines
    assert page.errors == []


def test_a_filter_changes_map_list_and_url(page, demo_store):
    page.goto("/")
    loaded(page)
    # the least common event type among the demo's located events: a real narrowing
    located = Counter(e.event.event_type for e in demo_store.query_events()
                      if e.event.latitude is not None)
    kind, n = located.most_common()[-1]
    if n == sum(located.values()):
        pytest.skip("the demo events are all of one type: no filter narrows them")
    first = page.evaluate("document.body.dataset.loaded")
    page.select_option("select[name=type]", kind)
    loaded(page, first)
    rows = demo_store.count_events(event_type=kind)
    assert page.locator("#events tbody tr").count() == rows
    assert marker_total(page) == n
    assert parse_qs(urlsplit(page.url).query)["type"] == [kind]
    # the URL alone restores the view
    page.goto(page.url)
    loaded(page)
    assert page.locator("select[name=type]").input_value() == kind
    assert page.locator("#events tbody tr").count() == rows


def test_the_list_sorts_by_a_column(page):
    page.goto("/")
    loaded(page)
    first = page.evaluate("document.body.dataset.loaded")
    page.click("#events th[data-sort=location]")
    loaded(page, first)
    assert "sort=-location" in page.url
    places = page.locator("#events tbody tr td:nth-child(6)").all_text_contents()
    assert places == sorted(places, reverse=True)


def test_sql_and_script_in_the_url_stay_text(page, demo_store):
    before = demo_store.counts()
    page.goto("/?country=KE'%20OR%20'1'='1&text=%3Cscript%3Ewindow.__pwned=1%3C/script%3E")
    loaded(page)
    assert page.locator("#events tbody tr").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert page.locator("input[name=country]").input_value() == "KE' OR '1'='1"
    assert demo_store.counts() == before
