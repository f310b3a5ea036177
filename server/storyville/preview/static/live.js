// storyville live reload. After a good build that changed this page (or what it shows), the
// page fetches itself and morphs its DOM in place (idiomorph): scroll, focus, open <details>
// and story frames whose story did not change are kept; a full reload is the fallback. While
// the latest build fails, a banner over the last good page lists its errors. After a server
// restart it reconnects and reloads.
(function () {
  "use strict";
  if (window.__storyvilleLive) return;
  window.__storyvilleLive = true;
  // A storyville page inside a storyville page (the themed iframe): the outer page reloads it.
  try {
    if (window.parent !== window && window.parent.__storyvilleLive) return;
  } catch (e) { /* a cross-origin parent, e.g. a VS Code webview: we are the top page */ }

  // Everything is relative to where this script was served from, so the preview also works
  // behind a path-prefixing proxy (code-server's /proxy/PORT/, Codespaces port forwarding).
  const script = document.currentScript;
  const base = new URL("../", script.src);
  let servedAt = Number(script.dataset.version || 0); // the site version this page shows
  const key = "storyville:scroll:" + location.pathname;
  // A frame under an opaque-origin page may have no storage at all: then no scroll is kept.
  let storage = null;
  try { storage = window.sessionStorage; } catch (e) { /* SecurityError */ }
  const saved = storage && storage.getItem(key);
  if (saved) {
    storage.removeItem(key);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }

  // Source locations (`a[data-file]`: the error banner, "defined at …" on story pages). In the
  // VS Code webview (a frame) a click asks the editor to open the file at the line; in a
  // browser tab they stay plain text.
  const framed = window.parent !== window;
  if (framed) {
    document.documentElement.classList.add("sv-framed");
    document.addEventListener("click", (event) => {
      const target = event.target instanceof Element && event.target.closest("a[data-file]");
      if (!target) return;
      event.preventDefault();
      const line = Number(target.dataset.line) || 1;
      window.parent.postMessage({ type: "storyville.openSource", file: target.dataset.file, line }, "*");
    });
  }

  function pagePath(url) {
    let path = new URL(url, location.href).pathname;
    path = path.startsWith(base.pathname) ? path.slice(base.pathname.length) : path.replace(/^\/+/, "");
    if (path === "" || path.endsWith("/")) path += "index.html";
    return decodeURIComponent(path);
  }

  function concerned(pages) {
    if (!Array.isArray(pages)) return true;
    const mine = new Set([pagePath(location.href)]);
    for (const frame of document.querySelectorAll("iframe[src]")) mine.add(pagePath(frame.src));
    return pages.some((p) => mine.has(p) || p.startsWith("_storyville/"));
  }

  function reload() {
    if (storage) storage.setItem(key, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  // --- In-place update -----------------------------------------------------------------------
  const CATALOG = 'script[src*="_storyville/catalog.js"]';
  // What a page loads besides the navigation data: if that changed, only a reload applies it.
  function assets(doc) {
    return [...doc.head.querySelectorAll("link[href], script[src]")]
      .filter((e) => !e.matches(CATALOG))
      .map((e) => e.getAttribute("href") || e.getAttribute("src"))
      .join(" ");
  }
  function attribute(doc, selector, name) {
    const found = doc.querySelector(selector);
    return found ? found.getAttribute(name) : null;
  }

  const MORPH = {
    morphStyle: "outerHTML", // <body> into the new <body>: its children are morphed, it stays
    callbacks: {
      // The navigation tree is nav.js's (from catalog.js), not the page's: refreshed below.
      beforeNodeMorphed: (old) => old.id !== "sv-nav",
      beforeAttributeUpdated: (name, node) => {
        if (name === "open" && node.localName === "details") return false; // as the reader left it
        if (name === "style" && node.classList.contains("sv-canvas")) return false; // fitted height
        if (name === "aria-expanded" && node.classList.contains("sv-nav-toggle")) return false;
        return true;
      },
    },
  };

  function refreshCatalog(src) {
    const old = document.querySelector(CATALOG);
    const next = document.createElement("script");
    next.src = src;
    next.onload = () => window.storyvilleNav && window.storyvilleNav.refresh();
    next.onerror = reload;
    if (old) old.replaceWith(next); else document.head.appendChild(next);
  }

  let updating = null;
  let again = null;
  let againHtml;
  // `html`: the page as served now, when the reload message carried it (the server sends it
  // to a page that said which page it is); otherwise the page fetches itself.
  async function update(pages, html) {
    if (updating) { again = pages; againHtml = html; return updating; } // one at a time; the newest wins
    updating = (async () => {
      let doc;
      try {
        let text = html;
        if (typeof text !== "string") {
          const response = await fetch(location.href, { cache: "no-store" });
          if (!response.ok) throw new Error("HTTP " + response.status);
          text = await response.text();
        }
        doc = new DOMParser().parseFromString(text, "text/html");
      } catch (e) {
        return reload();
      }
      const kind = document.documentElement.dataset.kind;
      if (!window.Idiomorph || !kind || doc.documentElement.dataset.kind !== kind ||
          assets(doc) !== assets(document)) {
        return reload(); // another kind of page, a themed page, or storyville itself changed
      }
      const version = Number(attribute(doc, "script[data-version]", "data-version"));
      if (version > servedAt) servedAt = version;
      document.title = doc.title;
      window.Idiomorph.morph(document.body, doc.body, MORPH);
      const catalog = attribute(doc, CATALOG, "src");
      if (catalog && catalog !== attribute(document, CATALOG, "src")) refreshCatalog(catalog);
      // A themed page in a frame keeps its src: reload the frame if its page changed.
      for (const frame of document.querySelectorAll("iframe[src]")) {
        if (Array.isArray(pages) && pages.includes(pagePath(frame.src))) frame.src = frame.src;
      }
      window.dispatchEvent(new CustomEvent("storyville:updated"));
    })();
    try { await updating; } finally { updating = null; }
    if (again !== null) {
      const next = again, nextHtml = againHtml;
      again = null;
      againHtml = undefined;
      await update(next, nextHtml);
    }
  }

  // --- The failing build's errors, over the last good page ----------------------------------
  const BANNER_STYLE = `#sv-errors{position:fixed;top:0;left:0;right:0;z-index:2147483647;
max-height:50vh;overflow:auto;margin:0;padding:.6rem 1rem;background:#fff4f4;color:#5f0000;
border-bottom:3px solid #c62828;font:14px/1.45 system-ui,sans-serif;box-shadow:0 2px 8px #0003}
#sv-errors ul{margin:.3rem 0 0;padding-left:1.2rem}#sv-errors li{margin:.15rem 0}
#sv-errors .sv-kind{font-weight:600;margin-right:.4rem}#sv-errors code{font-size:13px}
#sv-errors a[data-file]{color:inherit;font-family:ui-monospace,monospace;margin-right:.4rem}
.sv-framed a[data-file]{cursor:pointer;text-decoration:underline}`;

  function sourceLink(error) {
    const link = document.createElement("a");
    link.dataset.file = error.file;
    if (error.line) link.dataset.line = String(error.line);
    link.textContent = (error.shown || error.file) + (error.line ? ":" + error.line : "");
    return link;
  }

  function showErrors(errors) {
    let banner = document.getElementById("sv-errors");
    if (!Array.isArray(errors) || errors.length === 0) {
      if (banner) banner.remove();
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "sv-errors";
      banner.setAttribute("role", "alert");
      // Beside <body>, not in it: an in-place update of the page leaves it alone.
      document.documentElement.appendChild(banner);
    }
    const style = document.createElement("style");
    style.textContent = BANNER_STYLE;
    const title = document.createElement("strong");
    title.textContent = errors.length === 1 ? "The latest build failed" : `The latest build failed (${errors.length} errors)`;
    const note = document.createElement("span");
    note.textContent = " — below is the last good build.";
    const list = document.createElement("ul");
    for (const error of errors) {
      const item = document.createElement("li");
      const kind = document.createElement("span");
      kind.className = "sv-kind";
      kind.textContent = error.kind;
      item.append(kind);
      if (error.file) item.append(sourceLink(error));
      const message = document.createElement("code");
      message.textContent = error.message;
      item.append(message);
      list.append(item);
    }
    banner.replaceChildren(style, title, note, list);
  }

  // The reload socket takes only the token this server's pages carry. A restarted server has a
  // new one, so after losing the socket read the current token from the site's front page
  // (same origin: no other site can) before reconnecting.
  let token = script.dataset.token || "";
  const tokenTag = /_storyville\/live(?:\.[0-9a-f]+)?\.js" data-version="\d+" data-token="([^"]*)"/g;
  async function refreshToken() {
    try {
      const text = await (await fetch(base.href, { cache: "no-store" })).text();
      const found = [...text.matchAll(tokenTag)].pop();
      if (found) token = found[1];
    } catch (e) { /* not back yet: the socket fails too and we try again */ }
  }

  let delay = 250;
  let lost = false;
  function connect() {
    const url = base.href.replace(/^http/, "ws") + "ws/reload?token=" + encodeURIComponent(token);
    const socket = new WebSocket(url);
    socket.onopen = () => {
      delay = 250;
      if (lost) return reload(); // the server restarted: what it serves may have changed
      // Which page this is: a reload of it then carries its new HTML (no fetch to wait for).
      socket.send(JSON.stringify({ type: "page", page: pagePath(location.href) }));
    };
    socket.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "hello") {
        showErrors(message.errors);
        if (typeof message.version === "number" && message.version > servedAt) {
          update(null); // a build finished between serving this page and connecting
        }
      } else if (message.type === "reload") {
        showErrors(message.errors);
        if (concerned(message.pages)) update(message.pages, message.html);
      } else if (message.type === "errors") {
        showErrors(message.errors);
      }
    };
    socket.onclose = () => {
      lost = true;
      setTimeout(() => refreshToken().then(connect), delay);
      delay = Math.min(delay * 2, 4000);
    };
  }
  connect();
})();
