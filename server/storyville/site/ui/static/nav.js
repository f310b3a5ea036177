// Renders the catalog's navigation tree (data from catalog.js) into the sidebar, marks the
// current page, filters by title, and sizes story canvases to their content.
(function () {
  "use strict";
  const root = document.documentElement.dataset.root || "";
  const here = document.documentElement.dataset.page || "";
  document.documentElement.classList.add("sv-js"); // narrow pages hide the tree behind a toggle

  // The topbar's "Catalog" button (shown on narrow pages): the tree on top, or hidden again.
  document.addEventListener("click", (event) => {
    const toggle = event.target instanceof Element && event.target.closest(".sv-nav-toggle");
    if (!toggle) return;
    const open = document.documentElement.classList.toggle("sv-nav-open");
    toggle.setAttribute("aria-expanded", String(open));
  });

  function link(entry) {
    const a = document.createElement("a");
    a.href = root + entry.u;
    a.textContent = entry.t;
    if (entry.u === here) a.setAttribute("aria-current", "page");
    if (entry.f) a.title = entry.f + " failing assertion(s)";
    return a;
  }

  function branch(entries) {
    const ul = document.createElement("ul");
    for (const entry of entries) {
      const li = document.createElement("li");
      li.dataset.title = entry.t.toLowerCase();
      if (entry.c && entry.c.length) {
        const details = document.createElement("details");
        const summary = document.createElement("summary");
        summary.appendChild(link(entry));
        details.appendChild(summary);
        details.appendChild(branch(entry.c));
        details.open = here.startsWith(entry.u.replace(/index\.html$/, ""));
        li.appendChild(details);
      } else {
        li.appendChild(link(entry));
      }
      ul.appendChild(li);
    }
    return ul;
  }

  function filter(tree, text) {
    for (const li of tree.querySelectorAll("li")) {
      const match = !text || li.dataset.title.includes(text) ||
        [...li.querySelectorAll("li")].some((c) => c.dataset.title.includes(text));
      li.hidden = !match;
      const details = li.querySelector(":scope > details");
      if (details && text && match) details.open = true;
    }
  }

  // Each story canvas reports its content height (see the script in its srcdoc).
  window.addEventListener("message", (event) => {
    const height = event.data && event.data.storyvilleCanvasHeight;
    if (typeof height !== "number") return;
    for (const frame of document.querySelectorAll("iframe.sv-canvas")) {
      if (frame.contentWindow === event.source) {
        // The height is the frame's border box (Pico's box-sizing): add its borders, or the
        // content is two pixels short and a scrollbar appears around a single button.
        const borders = frame.offsetHeight - frame.clientHeight;
        frame.style.height = Math.max(48, Math.min(height, 4000)) + borders + "px";
      }
    }
  });

  function askCanvases() {
    for (const frame of document.querySelectorAll("iframe.sv-canvas")) {
      if (frame.contentWindow) frame.contentWindow.postMessage({ storyvilleCanvasAsk: true }, "*");
    }
  }
  window.addEventListener("load", askCanvases); // canvases that reported before we listened

  let search = null;
  let tree = null;
  function render() {
    const side = document.getElementById("sv-nav");
    const data = window.storyvilleCatalog;
    if (!side || !data) return;
    const open = new Set(); // what the reader opened stays open when the tree is redrawn
    if (tree) {
      for (const d of tree.querySelectorAll("details[open] > summary > a")) open.add(d.getAttribute("href"));
    }
    const next = branch(data.tree);
    for (const d of next.querySelectorAll("details")) {
      if (open.has(d.querySelector(":scope > summary > a").getAttribute("href"))) d.open = true;
    }
    if (!search) {
      search = document.createElement("input");
      search.type = "search";
      search.placeholder = "Filter…";
      search.setAttribute("aria-label", "Filter the catalog");
      search.addEventListener("input", () => filter(tree, search.value.trim().toLowerCase()));
      side.replaceChildren(search, next);
    } else {
      tree.replaceWith(next);
    }
    tree = next;
    if (search.value.trim()) filter(tree, search.value.trim().toLowerCase());
  }
  // live.js calls it after an in-place update brought a new catalog.js.
  window.storyvilleNav = { refresh: render };

  document.addEventListener("DOMContentLoaded", function () {
    render();
    askCanvases();
  });

  // --- Editor shortcuts while the preview has focus (VS Code extension; keep it one piece) ---
  // Framed by the VS Code webview (cross-origin), keys pressed here never reach the editor:
  // modifier combos and function keys are posted to the parent, which re-dispatches them.
  (function forwardEditorKeys() {
    if (window.parent === window) return;
    window.addEventListener("keydown", (event) => {
      const fn = /^F([1-9]|1[0-9])$/.test(event.key);
      if (!fn && !event.ctrlKey && !event.metaKey && !event.altKey) return;
      const { key, code, ctrlKey, metaKey, shiftKey, altKey, repeat } = event;
      window.parent.postMessage({ type: "storyville.key", key, code, ctrlKey, metaKey, shiftKey, altKey, repeat }, "*");
    });
  })();
})();
