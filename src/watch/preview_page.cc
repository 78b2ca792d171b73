#include "watch/preview_page.h"

namespace banmian {

namespace {

constexpr const char* kPage = R"HTML(<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>banmian watch</title>
<style>
body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #ddd; color: #222; }
header { position: sticky; top: 0; z-index: 2; background: #333; color: #eee; padding: 6px 12px; }
header h1 { font-size: 15px; margin: 0; display: inline; }
#status { margin-left: 1em; color: #bbb; }
#errors:empty { display: none; }
#errors { background: #fff0f0; border-bottom: 2px solid #c00; padding: 8px 12px; }
.error { margin: 6px 0; }
.error .where { font-family: monospace; font-weight: bold; color: #900; }
.error pre { margin: 4px 0 0 1em; background: #fff; padding: 4px; overflow-x: auto; }
.error .hint { margin-left: 1em; color: #555; }
#pages { padding: 12px; }
body.failed #pages { opacity: 0.35; filter: grayscale(1); }
.page { display: flex; gap: 12px; align-items: flex-start; margin-bottom: 16px; }
.page figure { margin: 0; background: #fff; box-shadow: 0 1px 4px #0004; outline: 3px solid transparent; }
.page.changed figure { outline-color: #e80; }
.page img { display: block; max-width: 68vw; height: auto; }
.page aside { min-width: 16em; max-width: 28vw; }
.page h2 { font-size: 15px; margin: 0 0 4px; }
.mark { display: none; background: #e80; color: #fff; border-radius: 3px; padding: 0 5px; margin-left: 6px; font-size: 12px; }
.page.changed .mark { display: inline; }
.findings { margin: 0; padding-left: 1.2em; }
.findings li.error { color: #b00; }
.findings li.warning { color: #850; }
.none { color: #666; }
.sheet { display: flex; flex-direction: column; gap: 8px; }
.auto:empty { display: none; }
.auto { background: #fff; padding: 6px 10px; max-width: 68vw; font-size: 13px; box-shadow: 0 1px 4px #0002; }
.auto h3 { font-size: 14px; margin: 2px 0 4px; }
.auto .layout { margin: 6px 0 10px; }
.auto .layout.set h4 { color: #060; }
.auto h4 { font-size: 13px; margin: 0 0 2px; }
.auto table { border-collapse: collapse; }
.auto td, .auto th { padding: 1px 8px 1px 0; text-align: left; vertical-align: top; }
.auto th { font-weight: normal; color: #666; }
.auto ul { margin: 2px 0 0; padding-left: 1.2em; color: #444; }
.auto li.break { color: #b00; }
</style>
</head>
<body data-render="0" data-failed="false">
<header><h1 id="title">banmian watch</h1><span id="status">waiting for the first render…</span></header>
<div id="errors"></div>
<div id="issue-findings"></div>
<div id="pages"></div>
<script>
"use strict";
let seen = 0, drawn = false, stale = false;
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
function findingsList(findings) {
  if (!findings.length) return el("p", "none", "no findings");
  const ul = el("ul", "findings");
  for (const f of findings)
    ul.append(el("li", f.severity, f.severity + " [" + f.code + "] " + (f.where ? f.where + ": " : "") + f.message));
  return ul;
}
function drawErrors(s) {
  const box = document.getElementById("errors");
  box.replaceChildren();
  for (const e of s.errors) {
    const div = el("div", "error");
    // As the command line prints a place: the line and column only when there are.
    const where = !e.file ? "" : e.line > 0 ? e.file + ":" + e.line + (e.col > 0 ? ":" + e.col : "") : e.file;
    div.append(el("span", "where", where), document.createTextNode(" error[" + e.code + "]: " + e.message));
    if (e.source_line) {
      // The caret under column `col` (counted in characters): a wide (CJK) character before
      // it is matched by an ideographic space, so the caret lands under the right one.
      const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
      const pad = [...e.source_line].slice(0, Math.max(0, e.col - 1)).map(c => wide.test(c) ? "\u3000" : (c === "\t" ? "\t" : " ")).join("");
      const caret = e.col > 0 ? "\n" + pad + "^" : "";
      div.append(el("pre", "source", e.source_line + caret));
    }
    if (e.hint) div.append(el("div", "hint", "hint: " + e.hint));
    box.append(div);
  }
}
// An auto page's layouts under its picture: each with its cost, its modules (story,
// columns, grid lines, headline style, picture width) and the terms of its cost, the one
// set first, so an editor sees why it beat the others.
function autoLayouts(a) {
  const box = document.createDocumentFragment();
  if (!a) return box;
  const range = (first, count) => count > 1 ? first + "–" + (first + count - 1) : String(first);
  box.append(el("h3", "", "auto layout: " + a.layouts.length + (a.layouts.length === 1 ? " layout" : " layouts") +
    " (" + a.steps + " search steps" + (a.complete ? "" : ", stopped before the end") + ")" +
    (a.with_cuts ? "; no layout fills the body exactly" : "")));
  if (!a.layouts.length) box.append(el("p", "none", "no layout fits the body area"));
  a.layouts.forEach((l, i) => {
    const div = el("div", "layout" + (i === 0 ? " set" : ""));
    div.dataset.cost = l.cost;
    div.append(el("h4", "", (i + 1) + ". cost " + l.cost + (i === 0 ? " (set)" : "")));
    const table = el("table");
    const head = el("tr");
    for (const h of ["story", "columns", "grid lines", "headline", "picture"]) head.append(el("th", "", h));
    table.append(head);
    for (const m of l.modules) {
      const tr = el("tr", "module");
      tr.append(el("td", "", m.article), el("td", "", range(m.col, m.cols)), el("td", "", range(m.row, m.rows)),
        el("td", "", m.continuation ? "continued" : m.headline_style),
        el("td", "", m.picture_columns ? m.picture_columns + " cols" + (m.picture_above_headline ? ", above the headline" : "") : ""));
      table.append(tr);
    }
    div.append(table);
    const ul = el("ul");
    for (const b of l.breaks) ul.append(el("li", "break", b.rule + ": " + b.message));
    for (const t of l.terms) ul.append(el("li", "term", "+" + t.cost + "  " + t.what));
    if (ul.children.length) div.append(ul);
    box.append(div);
  });
  return box;
}
function drawPage(p, section, markChanges) {
  section.querySelector(".auto").replaceChildren(autoLayouts(p.auto));
  section.dataset.version = p.version;
  section.querySelector("h2 .label").textContent = "第 " + p.label + " 版";
  section.querySelector("aside .list").replaceChildren(findingsList(p.findings));
  if (markChanges) section.classList.toggle("changed", p.changed);
  const img = section.querySelector("img");
  if (section.dataset.shown === String(p.version)) return;
  img.width = p.width; img.height = p.height;
  // The new picture is loaded before it replaces the old one: nothing flickers or jumps.
  const next = new Image();
  next.onload = () => {
    if (section.dataset.version !== String(p.version)) return;
    img.src = next.src;
    section.dataset.shown = p.version;
  };
  next.src = "/page/" + p.number + ".png?v=" + p.version;
}
function draw(s) {
  document.body.dataset.render = s.render;
  document.body.dataset.failed = s.failed;
  document.body.classList.toggle("failed", s.failed);
  document.title = (s.failed ? "✗ " : "") + (s.title || "banmian watch");
  document.getElementById("title").textContent = s.title || "banmian watch";
  document.getElementById("status").textContent = s.failed
    ? "render " + s.render + " stopped on " + s.errors.length + (s.errors.length === 1 ? " error" : " errors") + (s.pages.length ? ": the last good pages are shown dimmed" : ": no pages yet")
    : "render " + s.render + " · " + Math.round(s.milliseconds) + " ms · " + s.composed + " articles composed, " +
      s.reused + " kept · " + s.painted + (s.painted === 1 ? " page" : " pages") + " painted";
  drawErrors(s);
  const issue = document.getElementById("issue-findings");
  issue.replaceChildren();
  if (s.issue_findings.length) issue.append(findingsList(s.issue_findings));
  const box = document.getElementById("pages");
  const markChanges = drawn && !s.failed;
  s.pages.forEach((p, i) => {
    let section = box.children[i];
    if (!section) {
      section = el("section", "page");
      const figure = el("figure");
      const img = el("img");
      img.alt = "page " + p.label;
      figure.append(img);
      const sheet = el("div", "sheet");
      sheet.append(figure, el("div", "auto"));
      const aside = el("aside");
      const h2 = el("h2");
      h2.append(el("span", "label"), el("span", "mark", "changed"));
      aside.append(h2, el("div", "list"));
      section.append(sheet, aside);
      box.append(section);
    }
    section.dataset.number = p.number;
    drawPage(p, section, markChanges);
  });
  while (box.children.length > s.pages.length) box.lastChild.remove();
  if (s.pages.length) drawn = true;
}
let busy = false, again = false;
async function refresh() {
  if (busy) { again = true; return; }
  busy = true;
  try {
    do {
      again = false;
      const response = await fetch("/state.json", { cache: "no-store" });
      const s = await response.json();
      if (s.render > seen || stale) { stale = false; seen = s.render; draw(s); }
    } while (again);
  } catch (e) {
    document.getElementById("status").textContent = "cannot reach banmian watch: " + e;
  } finally {
    busy = false;
  }
}
// The event stream is open only while the tab is shown: a browser allows a few
// connections per server, and tabs in the background must not take them all. A stream the
// server refused (too many open) or lost is opened again a few seconds later.
let events = null, retry = null;
function openEvents() {
  if (events || document.hidden) return;
  events = new EventSource("/events");
  events.addEventListener("rendered", refresh);
  events.onerror = () => {
    stale = true;
    document.getElementById("status").textContent = "waiting for banmian watch…";
    if (events && events.readyState === EventSource.CLOSED) {
      closeEvents();
      retry = setTimeout(() => { retry = null; openEvents(); refresh(); }, 5000);
    }
  };
}
function closeEvents() {
  if (events) { events.close(); events = null; }
  if (retry) { clearTimeout(retry); retry = null; }
}
document.addEventListener("visibilitychange", () => {
  if (document.hidden) { closeEvents(); } else { openEvents(); refresh(); }
});
openEvents();
refresh();
</script>
</body>
</html>
)HTML";

}  // namespace

std::string PreviewPageHtml() {
  return kPage;
}

}  // namespace banmian
