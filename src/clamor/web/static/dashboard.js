/* The dashboard: filters live in the URL; map, timeline and list follow them together. */
"use strict";

(() => {
  const {el, slug, getJSON, reviewBadge, TYPES} = clamor;
  const PAGE = 50;
  const FILTERS = ["since", "until", "type", "country", "text", "min_sources", "review"];
  const form = document.getElementById("filters");
  let map, cluster, outline;

  function state() {
    return new URLSearchParams(location.search);
  }

  function filterParams(params) {
    const out = new URLSearchParams();
    for (const key of FILTERS) if (params.get(key)) out.set(key, params.get(key));
    return out;
  }

  function readForm() {
    const params = state();
    for (const key of FILTERS) {
      const value = form.elements[key].value.trim();
      if (value) params.set(key, value); else params.delete(key);
    }
    params.delete("offset");
    return params;
  }

  function writeForm(params) {
    for (const key of FILTERS) form.elements[key].value = params.get(key) || "";
  }

  function go(params) {
    const query = params.toString();
    history.pushState(null, "", query ? "?" + query : location.pathname);
    refresh();
  }

  function setupMap(settings) {
    map = L.map("map", {worldCopyJump: true, minZoom: 1, maxZoom: 18}).setView([10, 20], 2);
    if (settings.tile_url) {
      L.tileLayer(settings.tile_url, {maxZoom: 18, attribution: "map tiles"}).addTo(map);
    }
    getJSON("/static/world-110m.geojson").then((world) => {
      outline = L.geoJSON(world, {
        interactive: false,
        style: {color: "#8a8f98", weight: 0.6, fillColor: "#eceae4", fillOpacity: 1},
      }).addTo(map);
      outline.bringToBack();
    }).catch(() => {});
    cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: clusterIcon,
    });
    map.addLayer(cluster);
  }

  function clusterIcon(group) {
    const counts = {};
    for (const marker of group.getAllChildMarkers()) {
      counts[marker.options.clamorType] = (counts[marker.options.clamorType] || 0) + 1;
    }
    const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
    const n = group.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : 44;
    return L.divIcon({
      html: el("span", {text: n}),
      className: "cluster " + slug(top),
      iconSize: L.point(size, size),
    });
  }

  function popup(row) {
    const [id, , , type, date, place, review] = row;
    return el("div", {class: "popup"},
      el("strong", {text: type}), el("br"),
      el("span", {text: [date, place].filter(Boolean).join(" · ")}), el("br"),
      reviewBadge(review), " ",
      el("a", {href: "/event/" + encodeURIComponent(id), text: "open event"}));
  }

  function drawMap(data) {
    cluster.clearLayers();
    const markers = data.points.map((row) => {
      const marker = L.marker([row[1], row[2]], {
        icon: L.divIcon({className: "pin " + slug(row[3]) + (row[6] ? " reviewed-" + row[6] : ""),
          iconSize: L.point(14, 14)}),
        title: row[3] + " " + (row[5] || ""),
        clamorType: row[3],
        clamorId: row[0],
      });
      marker.bindPopup(() => popup(row));
      return marker;
    });
    cluster.addLayers(markers);
    if (markers.length) {
      map.fitBounds(cluster.getBounds(), {maxZoom: 6, padding: [30, 30]});
    }
  }

  function drawTimeline(stats) {
    const box = document.getElementById("timeline");
    box.replaceChildren();
    const days = {};
    for (const d of stats.by_day) (days[d.date] = days[d.date] || {})[d.event_type] = d.count;
    const dates = Object.keys(days).sort();
    if (!dates.length) {
      box.append(el("p", {class: "muted", text: "No dated events match."}));
      return;
    }
    const first = new Date(dates[0] + "T00:00:00Z");
    const last = new Date(dates[dates.length - 1] + "T00:00:00Z");
    const span = Math.round((last - first) / 86400000) + 1;
    const max = Math.max(...dates.map((d) => Object.values(days[d]).reduce((a, b) => a + b, 0)));
    const W = 1000, H = 120, bar = W / span;
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("class", "timeline-svg");
    svg.setAttribute("preserveAspectRatio", "none");
    const order = [...TYPES, "other"];
    for (const date of dates) {
      const x = Math.round((new Date(date + "T00:00:00Z") - first) / 86400000) * bar;
      let y = H;
      const entries = Object.entries(days[date]).sort(
        (a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
      for (const [type, count] of entries) {
        const h = (count / max) * (H - 4);
        y -= h;
        const rect = document.createElementNS(svg.namespaceURI, "rect");
        rect.setAttribute("x", x.toFixed(2));
        rect.setAttribute("y", y.toFixed(2));
        rect.setAttribute("width", Math.max(bar - 1, 4).toFixed(2));
        rect.setAttribute("height", h.toFixed(2));
        rect.setAttribute("class", "bar " + slug(type));
        rect.setAttribute("data-date", date);
        const title = document.createElementNS(svg.namespaceURI, "title");
        title.textContent = `${date}: ${count} ${type}`;
        rect.append(title);
        rect.addEventListener("click", () => {
          const params = state();
          params.set("since", date);
          params.set("until", date);
          params.delete("offset");
          writeForm(params);
          go(params);
        });
        svg.append(rect);
      }
    }
    box.append(svg, el("div", {class: "axis"},
      el("span", {text: dates[0]}),
      el("span", {class: "muted", text: `events per day (highest ${max})`}),
      el("span", {text: dates[dates.length - 1]})));
    const legend = document.getElementById("legend");
    legend.replaceChildren(...stats.by_type.map((t) => el("li", {},
      el("span", {class: "swatch " + slug(t.event_type)}), `${t.event_type} (${t.count})`)));
  }

  function drawList(page) {
    const params = state();
    const tbody = document.querySelector("#events tbody");
    tbody.replaceChildren(...page.events.map((e) => {
      const tr = el("tr", {class: "review-row-" + (e.review_status || "none")},
        el("td", {}, el("a", {href: "/event/" + encodeURIComponent(e.event_id),
          text: e.event_date || "undated"})),
        el("td", {}, el("span", {class: "swatch " + slug(e.event_type)}), e.event_type),
        el("td", {text: e.sub_event_type}),
        el("td", {text: e.country || ""}),
        el("td", {text: e.admin1 || ""}),
        el("td", {text: e.location || ""}),
        el("td", {class: "num", text: e.fatalities ?? ""}),
        el("td", {class: "num", text: e.sources}),
        el("td", {}, reviewBadge(e.review_status)));
      tr.dataset.eventId = e.event_id;
      return tr;
    }));
    const sort = params.get("sort") || "-date";
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      const key = th.dataset.sort;
      th.classList.toggle("sorted-asc", sort === key);
      th.classList.toggle("sorted-desc", sort === "-" + key);
      th.setAttribute("aria-sort", sort === key ? "ascending" : sort === "-" + key ? "descending" : "none");
    }
    const offset = page.offset;
    document.getElementById("page").textContent = page.total
      ? `${offset + 1}–${offset + page.events.length} of ${page.total}` : "no events";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = page.next_offset === null;
    document.getElementById("total").textContent =
      `${page.total} event${page.total === 1 ? "" : "s"}`;
  }

  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    const params = state();
    writeForm(params);
    const filters = filterParams(params).toString();
    const list = new URLSearchParams(filters);
    list.set("limit", PAGE);
    if (params.get("offset")) list.set("offset", params.get("offset"));
    if (params.get("sort")) list.set("sort", params.get("sort"));
    try {
      const [points, stats, page] = await Promise.all([
        getJSON("/api/map?" + filters), getJSON("/api/stats?" + filters),
        getJSON("/api/events?" + list)]);
      if (mine !== generation) return;
      drawMap(points);
      drawTimeline(stats);
      drawList(page);
      document.body.dataset.loaded = String(mine);
    } catch (err) {
      document.getElementById("total").textContent = "error: " + err.message;
    }
  }

  async function fillTypes() {
    const select = form.elements.type;
    for (const type of TYPES) select.append(el("option", {value: type, text: type}));
  }

  function wire() {
    form.addEventListener("change", () => go(readForm()));
    form.addEventListener("submit", (event) => { event.preventDefault(); go(readForm()); });
    form.addEventListener("reset", (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      writeForm(params);
      go(params);
    });
    for (const th of document.querySelectorAll("#events th[data-sort]")) {
      th.tabIndex = 0;
      const sortBy = () => {
        const params = state();
        const key = th.dataset.sort;
        const current = params.get("sort") || "-date";
        params.set("sort", current === "-" + key ? key : "-" + key);
        params.delete("offset");
        go(params);
      };
      th.addEventListener("click", sortBy);
      th.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(); }
      });
    }
    for (const [id, step] of [["prev", -PAGE], ["next", PAGE]]) {
      document.getElementById(id).addEventListener("click", () => {
        const params = state();
        const offset = Math.max(0, Number(params.get("offset") || 0) + step);
        if (offset) params.set("offset", offset); else params.delete("offset");
        go(params);
      });
    }
    window.addEventListener("popstate", refresh);
  }

  getJSON("/api/settings").then((settings) => {
    fillTypes();
    setupMap(settings);
    wire();
    refresh();
  });
})();
