"""Articles: read a stored one; post one through the pipeline (fake and real)."""

from __future__ import annotations

import pytest

from tests.api.conftest import AUTH, HANDLER, SCRIPT, event_at


def test_a_stored_article_with_its_evidence(client):
    nakuru = client.get(f"/api/events/{event_at(client, 'Nakuru')['event_id']}").json()
    article_id = nakuru["sources"][0]["article_id"]
    body = client.get(f"/api/articles/{article_id}").json()
    assert body["text"] and nakuru["event_id"] in body["event_ids"]
    for span in body["evidence"]:
        assert body["text"][span["start"]:span["end"]] == span["text"]
    assert body["assessment"]["publisher"]


def test_hostile_text_is_returned_as_data_unchanged(client):
    kisumu = client.get(f"/api/events/{event_at(client, 'Kisumu ' + HANDLER)['event_id']}").json()
    article = client.get(f"/api/articles/{kisumu['sources'][0]['article_id']}").json()
    assert SCRIPT in article["text"] and HANDLER in article["text"]
    assert article["title"].endswith(SCRIPT)


def test_posting_an_article_stores_its_events(client):
    from tests.store.store_fakes import ARTICLES

    # The fixture pipeline knows a fixture article by its file name (the URL's last part).
    body = {"text": (ARTICLES / "nakuru_tribune.txt").read_text(encoding="utf-8"),
            "url": "https://news.example/nakuru_tribune.txt"}
    before = client.get("/api/stats").json()["total"]
    response = client.post("/api/articles", headers=AUTH, json=body)
    assert response.status_code == 201
    assert response.json()["stored"] is True and response.json()["merged_events"] == 1
    assert client.get("/api/stats").json()["total"] == before
    again = client.post("/api/articles", headers=AUTH, json=body).json()
    assert again["stored"] is False and again["event_ids"] == response.json()["event_ids"]
    assert client.post("/api/articles", json=body).status_code == 401


def test_bad_article_bodies(client):
    assert client.post("/api/articles", headers=AUTH, json={}).status_code == 422
    both = {"text": "a", "html": "<p>a</p>"}
    assert client.post("/api/articles", headers=AUTH, json=both).status_code == 422
    big = {"text": "x" * (3 * 1024 * 1024)}
    response = client.post("/api/articles", headers=AUTH, json=big)
    assert response.status_code == 413 and "larger than" in response.json()["error"]


@pytest.mark.slow
def test_a_posted_html_page_goes_through_the_real_pipeline(api_store):
    from fastapi.testclient import TestClient

    from clamor.api import create_app

    client = TestClient(create_app(store=api_store, tokens={AUTH["Authorization"][7:]: "ann"}))
    html = ("<html><head><title>Teachers march in Mombasa</title></head><body><article>"
            "<h1>Teachers march in Mombasa</h1><p>MOMBASA, Kenya, March 3, 2025 - Hundreds "
            "of teachers marched through Mombasa on Monday to demand unpaid salaries, "
            "union officials said. Police watched and no arrests were made.</p>"
            f"<script>{SCRIPT}</script></article></body></html>")
    response = client.post("/api/articles", headers=AUTH,
                           json={"html": html, "url": "https://news.example/mombasa"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] and body["new_events"] >= 1
    article = client.get(f"/api/articles/{body['article_id']}").json()
    assert "window.__pwned" not in article["text"]
    assert article["url"] == "https://news.example/mombasa"
