"""``/api/articles``: read a stored article; extract and store a new one (the pipeline)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from pydantic import BaseModel, Field, model_validator

from clamor.api.deps import Reviewer, get_store
from clamor.api.security import MAX_BODY_BYTES
from clamor.store import detail

router = APIRouter(prefix="/api", tags=["articles"])
Store = Annotated[Any, Depends(get_store)]


class ArticleIn(BaseModel):
    """An article to extract and store: its text, or its HTML page (a URL alone is never
    fetched: clamor serve makes no outgoing requests)."""

    text: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    html: str | None = Field(default=None, max_length=MAX_BODY_BYTES)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = None

    @model_validator(mode="after")
    def _one_body(self):
        if bool(self.text and self.text.strip()) == bool(self.html and self.html.strip()):
            raise ValueError("give the article's text or its html (one of them)")
        return self


@router.get("/articles/{article_id}", summary="One stored article: clean text, metadata, "
            "the events it reports and every evidence span in it")
def get_article(article_id: str, store: Store) -> dict[str, Any]:
    article = store.get_article(article_id)
    if article is None:
        raise HTTPException(404, f"{article_id}: no such article")
    out = article.model_dump(mode="json")
    out["event_ids"] = detail.article_event_ids(store, article_id)
    out["evidence"] = detail.article_evidence(store, article_id)
    out["assessment"] = detail.assessments(store, [article_id]).get(article_id)
    return out


def to_article(body: ArticleIn, options):
    """The cleaned Article for a posted text or HTML page (the readers' own cleaning)."""
    from clamor.ingest import read_text
    from clamor.ingest.article import build_article
    from clamor.ingest.html import read_html

    if body.html:
        raw = read_html(body.html, body.url or "posted.html", url=body.url)
        if body.title:
            raw.title = body.title
        if body.published:
            raw.published = body.published
        return build_article(raw, options)
    return read_text(body.text, options, url=body.url, title=body.title,
                     published=body.published, source_path=body.url or "posted")


@router.post("/articles", status_code=201, summary="Extract events from an article through "
             "the pipeline and store them (needs a bearer token)")
def post_article(body: ArticleIn, request: Request, store: Store,
                 reviewer: Reviewer) -> dict[str, Any]:
    from clamor.errors import InputError

    app = request.app
    try:
        article = to_article(body, app.state.options)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    extraction = app.state.pipeline().process(article)
    outcome = store.add(extraction)
    return {"article_id": article.article_id, "status": str(article.status),
            "stored": outcome.stored, "new_events": outcome.new_events,
            "merged_events": outcome.merged_events, "reactions": outcome.reactions,
            "event_ids": detail.article_event_ids(store, article.article_id)}
