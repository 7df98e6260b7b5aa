"""The event page in headless Chromium: evidence highlight, review with and without a
token, and a hostile article shown as text."""

from __future__ import annotations

from tests.api.conftest import HANDLER, REVIEWER, SCRIPT, TOKEN


def _event_with_evidence(store):
    for stored in store.query_events():
        if stored.event.location and "Kisumu" not in stored.event.location and stored.event.event_type:
            return stored
    raise AssertionError("no demo event")


def _open(page, event_id: str) -> None:
    page.goto(f"/event/{event_id}")
    page.wait_for_function("() => document.body.dataset.loaded === '1'")


def test_clicking_a_field_highlights_its_evidence(page, demo_store):
    stored = _event_with_evidence(demo_store)
    _open(page, stored.event_id)
    row = page.locator("#fields tr.has-evidence").first
    field = row.get_attribute("data-field")
    row.click()
    mark = page.locator("#article-text mark.evidence").first
    mark.wait_for()
    text = page.locator("#article-text").text_content()
    assert mark.text_content() in text
    assert page.locator("#fields tr.selected").get_attribute("data-field") == field
    assert page.errors == []


def test_a_review_edit_needs_a_token_and_lands_in_history_and_export(page, demo_store):
    stored = _event_with_evidence(demo_store)
    _open(page, stored.event_id)
    page.fill("input[name=token]", "")
    page.click("button[data-action=accept]")
    page.wait_for_selector("#review-result.error")
    assert "refused" in page.text_content("#review-result")
    assert demo_store.get_event(stored.event_id).review_status is None

    page.fill("input[name=token]", TOKEN)
    page.select_option("select[name=field]", "fatalities")
    page.fill("input[name=value]", "3")
    page.fill("input[name=comment]", "hospital figure")
    page.click("button[data-action=edit]")
    page.wait_for_selector("#review-result.ok")
    history = page.locator("#history tbody tr").first.text_content()
    assert REVIEWER in history and "fatalities" in history and "hospital figure" in history
    exported = page.request.get("/api/export?format=jsonl&review=reviewed").text()
    assert stored.event_id in exported and '"fatalities":3' in exported


def test_a_hostile_article_stays_inert(page, demo_store):
    hostile = next(e for e in demo_store.query_events() if "Kisumu" in (e.event.location or ""))
    _open(page, hostile.event_id)
    assert page.evaluate("window.__pwned") is None
    assert SCRIPT in page.locator("#article-text").text_content()
    assert HANDLER in page.locator("#fields").text_content()
    assert page.locator("#article-text script, #article-text img, #fields img").count() == 0
    assert page.locator("#article-title").text_content().endswith(SCRIPT)
