/* /docs: the OpenAPI document as a readable list (no CDN, no inline script). */
"use strict";

(async () => {
  const {el, getJSON} = clamor;
  const spec = await getJSON("/openapi.json");
  const sections = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters || []).map((p) => el("li", {},
        el("code", {text: p.name}), ` (${p.in}${p.required ? ", required" : ""}) `,
        p.description || ""));
      let body = null;
      const ref = op.requestBody?.content?.["application/json"]?.schema?.$ref;
      if (ref) {
        const schema = spec.components.schemas[ref.split("/").pop()];
        body = el("p", {}, "JSON body: ",
          ...Object.keys(schema.properties || {}).map((k) => el("code", {text: k + " "})));
      }
      sections.push(el("section", {class: "endpoint"},
        el("h3", {}, el("span", {class: "method " + method, text: method.toUpperCase()}),
          " ", el("code", {text: path})),
        el("p", {text: op.summary || ""}),
        params.length ? el("ul", {}, ...params) : null, body));
    }
  }
  document.getElementById("endpoints").replaceChildren(...sections);
})();
