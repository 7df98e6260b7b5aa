/* Shared by the dashboard and the event page. Data is only ever put into the page with
   textContent or DOM properties, never as HTML, so article text stays inert. */
"use strict";

const clamor = (() => {
  const TYPES = ["Protests", "Riots", "Violence against civilians", "Battles",
    "Explosions/Remote violence", "Strategic developments"];

  function slug(type) {
    const i = TYPES.indexOf(type);
    return i < 0 ? "other" : "t" + i;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "class") node.className = value;
      else if (key.startsWith("data-")) node.setAttribute(key, String(value));
      else node[key] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, {headers: {Accept: "application/json"}});
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function token() { return sessionStorage.getItem("clamor-token") || ""; }
  function setToken(value) { sessionStorage.setItem("clamor-token", value); }

  async function postJSON(url, payload) {
    const response = await fetch(url, {
      method: "POST",
      headers: {"Content-Type": "application/json", Authorization: "Bearer " + token()},
      body: JSON.stringify(payload),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function reviewBadge(status) {
    const label = status || "not reviewed";
    return el("span", {class: "badge review-" + (status || "none"), text: label});
  }

  return {TYPES, slug, el, getJSON, postJSON, token, setToken, reviewBadge};
})();
