// storyville live reload: reload this page after a good build that changed it (or what it
// shows), keeping the scroll position; reconnect after the server restarts.
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
  const servedAt = Number(script.dataset.version || 0); // the site version this page shows
  const key = "storyville:scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved) {
    sessionStorage.removeItem(key);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
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
    sessionStorage.setItem(key, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
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
      if (lost) reload(); // the server restarted: what it serves may have changed
    };
    socket.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "hello" && typeof message.version === "number" && message.version > servedAt) {
        reload(); // a build finished between serving this page and connecting
      } else if (message.type === "reload" && concerned(message.pages)) {
        reload();
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
