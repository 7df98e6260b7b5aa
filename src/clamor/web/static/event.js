/* The event page: the record beside its article; a field's evidence highlighted on click;
   sources, disagreements, reactions, source assessment; review with a bearer token. */
"use strict";

(() => {
  const {el, getJSON, postJSON, reviewBadge, token, setToken} = clamor;
  const eventId = decodeURIComponent(location.pathname.split("/").pop());
  const SHOWN = ["event_type", "sub_event_type", "disorder_type", "event_date", "country",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "interaction", "fatalities", "injuries",
    "arrests", "crowd_size", "participants", "tactics", "state_response", "demands",
    "civilian_targeting", "confidence", "notes"];
  let record = null;
  let article = null;
  let selectedField = null;

  function show(value) {
    if (value === null || value === undefined || value === "") return "—";
    if (Array.isArray(value)) return value.length ? value.join("; ") : "—";
    if (typeof value === "object") return value.text ?? JSON.stringify(value);
    return String(value);
  }

  function fail(err) {
    const box = document.getElementById("error");
    box.hidden = false;
    box.textContent = err.message || String(err);
  }

  function spansFor(field) {
    return record.evidence.filter((s) => s.article_id === article.article_id &&
      (s.field === field || s.field === field + "_estimate"));
  }

  function renderText() {
    const box = document.getElementById("article-text");
    const text = article.text;
    const spans = selectedField ? spansFor(selectedField) : [];
    spans.sort((a, b) => a.start - b.start);
    const parts = [];
    let at = 0;
    for (const s of spans) {
      if (s.start < at || s.end > text.length) continue;
      parts.push(document.createTextNode(text.slice(at, s.start)));
      parts.push(el("mark", {class: "evidence", text: text.slice(s.start, s.end),
        title: s.field}));
      at = s.end;
    }
    parts.push(document.createTextNode(text.slice(at)));
    box.replaceChildren(...parts);
    const first = box.querySelector("mark");
    if (first) first.scrollIntoView({block: "center", behavior: "smooth"});
  }

  function renderFields() {
    const e = record.event;
    const withEvidence = new Set(record.evidence.map((s) => s.field.replace(/_estimate$/, "")));
    const disputed = new Set(record.disagreements.map((d) => d.field));
    const overridden = new Set(record.review_history.filter((h) => h.action === "edit")
      .map((h) => h.field));
    const rows = SHOWN.map((field) => {
      const tr = el("tr", {class: "field-row"},
        el("th", {scope: "row", text: field.replaceAll("_", " ")}),
        el("td", {text: show(e[field])}),
        el("td", {class: "marks"},
          withEvidence.has(field) ? el("span", {class: "tag ev", text: "evidence"}) : null,
          disputed.has(field) ? el("span", {class: "tag dis", text: "disputed"}) : null,
          overridden.has(field) ? el("span", {class: "tag edit", text: "edited"}) : null));
      tr.dataset.field = field;
      if (withEvidence.has(field)) tr.classList.add("has-evidence");
      if (field === selectedField) tr.classList.add("selected");
      tr.addEventListener("click", () => {
        selectedField = field;
        for (const row of document.querySelectorAll("#fields tr")) {
          row.classList.toggle("selected", row.dataset.field === field);
        }
        renderText();
      });
      return tr;
    });
    document.querySelector("#fields tbody").replaceChildren(...rows);
    document.getElementById("status").replaceChildren(reviewBadge(record.review_status));
    document.getElementById("heading").textContent =
      `${e.event_type} · ${e.event_date || "undated"} · ${e.location || e.country || ""}`;
    const select = document.querySelector("#review select[name=field]");
    if (!select.options.length) {
      select.replaceChildren(...record.editable_fields.map((f) => el("option", {value: f, text: f})));
    }
  }

  async function showArticle(articleId) {
    article = await getJSON("/api/articles/" + encodeURIComponent(articleId));
    document.getElementById("article-title").textContent = article.title || "(untitled)";
    document.getElementById("article-meta").textContent = [article.publisher,
      article.published, article.url].filter(Boolean).join(" · ");
    for (const row of document.querySelectorAll("#sources tbody tr")) {
      row.classList.toggle("selected", row.dataset.articleId === articleId);
    }
    renderText();
  }

  function publisherOf(articleId) {
    const source = record.sources.find((s) => s.article_id === articleId);
    return (source && source.publisher) || articleId;
  }

  function renderSources() {
    const rows = record.sources.map((s) => {
      const tr = el("tr", {},
        el("td", {}, el("input", {type: "checkbox", value: s.source_event_id,
          title: "select for split"})),
        el("td", {text: s.publisher || "unknown"}),
        el("td", {}, el("a", {href: "#", text: s.title || s.article_id})),
        el("td", {text: s.published || ""}),
        el("td", {text: [s.publisher_type, s.partisan ? "partisan" : null]
          .filter(Boolean).join(", ")}));
      tr.dataset.articleId = s.article_id;
      tr.querySelector("a").addEventListener("click", (event) => {
        event.preventDefault();
        showArticle(s.article_id).catch(fail);
      });
      return tr;
    });
    document.querySelector("#sources tbody").replaceChildren(...rows);
    document.getElementById("disagreements").replaceChildren(...(record.disagreements.length
      ? record.disagreements.map((d) => el("li", {},
        el("strong", {text: d.field.replaceAll("_", " ") + ": "}),
        d.values.map((v) => `${show(v.value)} (${v.article_ids.map(publisherOf).join(", ")})`)
          .join(" vs ")))
      : [el("li", {class: "muted", text: "The sources agree on every field."})]));
    document.getElementById("reactions").replaceChildren(...(record.reactions.length
      ? record.reactions.map((r) => el("li", {},
        el("strong", {text: r.actor}), r.actor_role ? ` (${r.actor_role})` : "",
        ": ", el("span", {class: "badge", text: String(r.stance).replaceAll("_", " ")}),
        r.evidence.length ? el("q", {text: r.evidence[0].text}) : null))
      : [el("li", {class: "muted", text: "No reactions reported."})]));
    const boxes = Object.entries(record.assessments).map(([articleId, a]) => {
      const source = record.sources.find((s) => s.article_id === articleId) || {};
      const signals = (a.signals || []).map((s) => el("li", {},
        el("span", {class: "tag", text: s.kind + (s.category ? "/" + s.category : "")}),
        " ", el("q", {text: s.text})));
      return el("div", {class: "assessment"},
        el("h4", {text: a.publisher || source.publisher || articleId}),
        el("p", {text: a.summary}),
        el("p", {class: "muted", text: [a.publisher_type,
          a.affiliation_country ? "affiliated: " + a.affiliation_country : null,
          a.partisan ? "partisan" : "not partisan",
          a.party_to_conflict ? "party to the conflict" : null].filter(Boolean).join(" · ")}),
        signals.length ? el("ul", {class: "signals"}, ...signals)
          : el("p", {class: "muted", text: "No loaded-language signals."}));
    });
    document.getElementById("assessments").replaceChildren(...boxes);
  }

  function renderHistory() {
    const rows = record.review_history.map((h) => el("tr", {},
      el("td", {text: new Date(h.created_at).toLocaleString()}),
      el("td", {text: h.reviewer}),
      el("td", {text: h.action}),
      el("td", {text: h.field || ""}),
      el("td", {class: "json", text: h.before === null ? "" : JSON.stringify(h.before)}),
      el("td", {class: "json", text: h.after === null ? "" : JSON.stringify(h.after)}),
      el("td", {text: h.comment || ""})));
    document.querySelector("#history tbody").replaceChildren(...(rows.length ? rows
      : [el("tr", {}, el("td", {colSpan: 7, class: "muted", text: "Not reviewed yet."}))]));
  }

  function render() {
    renderFields();
    renderSources();
    renderHistory();
  }

  function parseValue(raw) {
    const text = raw.trim();
    if (/^(-?\d+(\.\d+)?|null|true|false)$/.test(text)) return JSON.parse(text);
    if (text.startsWith("[") || text.startsWith("{")) {
      try { return JSON.parse(text); } catch (err) { return text; }
    }
    return text;
  }

  function wireReview() {
    const form = document.getElementById("review");
    form.elements.token.value = token();
    form.elements.token.addEventListener("change", () => setToken(form.elements.token.value));
    form.elements.field.addEventListener("change", () => {
      form.elements.value.value = show(record.event[form.elements.field.value]).replace("—", "");
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    for (const button of form.querySelectorAll("button[data-action]")) {
      button.addEventListener("click", async () => {
        setToken(form.elements.token.value);
        const action = button.dataset.action;
        const comment = form.elements.comment.value || null;
        const url = "/api/events/" + encodeURIComponent(eventId) + "/" + action;
        const payload = {comment};
        if (action === "edit") {
          payload.field = form.elements.field.value;
          payload.value = parseValue(form.elements.value.value);
        } else if (action === "merge") {
          payload.other_event_id = form.elements.other.value.trim();
        } else if (action === "split") {
          payload.source_event_ids = [...document.querySelectorAll(
            "#sources input[type=checkbox]:checked")].map((b) => b.value);
        }
        const result = document.getElementById("review-result");
        try {
          const body = await postJSON(url, payload);
          record = action === "split" ? body.event : body;
          result.textContent = action === "split"
            ? "split off as " + body.new_event_id : action + ": saved";
          result.className = "ok";
          render();
          renderText();
        } catch (err) {
          result.textContent = action + " refused: " + err.message;
          result.className = "error";
        }
      });
    }
  }

  async function load() {
    record = await getJSON("/api/events/" + encodeURIComponent(eventId));
    render();
    wireReview();
    await showArticle(record.sources[0].article_id);
    document.body.dataset.loaded = "1";
  }

  load().catch(fail);
})();
