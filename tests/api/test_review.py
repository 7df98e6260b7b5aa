"""Review over HTTP: writes need a valid bearer token; every action lands in the history."""

from __future__ import annotations

import csv
import io

from tests.api.conftest import AUTH, REVIEWER, event_at


def test_a_write_without_a_valid_token_is_refused(client, api_store):
    eldoret = event_at(client, "Eldoret")
    url = f"/api/events/{eldoret['event_id']}/edit"
    body = {"field": "fatalities", "value": 9}
    for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"},
                    {"Authorization": AUTH["Authorization"].replace("Bearer", "Basic")}):
        response = client.post(url, json=body, headers=headers)
        assert response.status_code == 401
        assert "Bearer" in response.json()["error"]
    assert client.get(f"/api/events/{eldoret['event_id']}").json()["review_history"] == []
    assert api_store.get_event(eldoret["event_id"]).event.fatalities != 9


def test_an_edit_appears_in_the_history_and_the_export(client):
    eldoret = event_at(client, "Eldoret")
    url = f"/api/events/{eldoret['event_id']}"
    response = client.post(f"{url}/edit", headers=AUTH,
                           json={"field": "fatalities", "value": 4, "comment": "hospital"})
    assert response.status_code == 200
    body = response.json()
    assert body["event"]["fatalities"] == 4 and body["review_status"] == "edited"
    (entry,) = body["review_history"]
    assert (entry["reviewer"], entry["field"], entry["after"]) == (REVIEWER, "fatalities", 4)
    exported = client.get("/api/export", params={"review": "reviewed"}).text
    (row,) = csv.DictReader(io.StringIO(exported))
    assert (row["clamor_event_id"], row["fatalities"]) == (eldoret["event_id"], "4")
    assert client.get("/api/events", params={"review": "unreviewed"}).json()["total"] == 2


def test_accept_reject_merge_split(client):
    nakuru, kisumu = event_at(client, "Nakuru"), event_at(client, "Eldoret")
    assert client.post(f"/api/events/{nakuru['event_id']}/accept", headers=AUTH,
                       json={}).json()["review_status"] == "accepted"
    assert client.post(f"/api/events/{kisumu['event_id']}/reject", headers=AUTH,
                       json={"comment": "not a protest"}).json()["review_status"] == "rejected"
    full = client.get(f"/api/events/{nakuru['event_id']}").json()
    moved = full["sources"][-1]["source_event_id"]
    split = client.post(f"/api/events/{nakuru['event_id']}/split", headers=AUTH,
                        json={"source_event_ids": [moved]})
    assert split.status_code == 201
    new_id = split.json()["new_event_id"]
    assert split.json()["new_event"]["corroboration"] == 1
    merged = client.post(f"/api/events/{nakuru['event_id']}/merge", headers=AUTH,
                         json={"other_event_id": new_id})
    assert merged.json()["corroboration"] == 3
    assert client.get(f"/api/events/{new_id}").status_code == 404
    actions = [h["action"] for h in merged.json()["review_history"]]
    assert actions == ["accept", "split", "merge"]


def test_bad_review_requests_are_json_errors(client):
    nakuru = event_at(client, "Nakuru")
    url = f"/api/events/{nakuru['event_id']}"
    assert client.post(f"{url}/edit", headers=AUTH,
                       json={"field": "event_id", "value": "X"}).status_code == 400
    assert client.post(f"{url}/edit", headers=AUTH,
                       json={"field": "fatalities", "value": "lots"}).status_code == 400
    assert client.post("/api/events/E404/accept", headers=AUTH, json={}).status_code == 404
    assert client.post(f"{url}/merge", headers=AUTH,
                       json={"other_event_id": nakuru["event_id"]}).status_code == 400


def test_no_tokens_means_read_only(api_store):
    from fastapi.testclient import TestClient

    from clamor.api import create_app

    client = TestClient(create_app(store=api_store))
    event_id = api_store.query_events()[0].event_id
    response = client.post(f"/api/events/{event_id}/accept", headers=AUTH, json={})
    assert response.status_code == 403
    assert client.get("/api/settings").json()["writes_enabled"] is False


def test_a_value_the_column_cannot_hold_is_a_400(client):
    eldoret = event_at(client, "Eldoret")
    response = client.post(f"/api/events/{eldoret['event_id']}/edit", headers=AUTH,
                           json={"field": "fatalities", "value": 10 ** 30})
    assert response.status_code == 400 and "cannot store" in response.json()["error"]
    assert client.get(f"/api/events/{eldoret['event_id']}").json()["review_history"] == []
