"""The script both paint benchmarks (editor_save, page_update) run in a Chromium tab.

`PROBE % json.dumps(prefix)` is an init script: in every document whose URL starts with
`prefix` it marks (through the page's `svMark` binding) the reload message arriving, the
page's HTML read, the DOM updated and the frame after the awaited text (`window.name`) first
shows; in the top document, the Ctrl+S keydown. `NO_FETCH` forces live.js's full reload.
"""

# Runs in every document of the tab (the workbench, the webview's frames, the preview and
# its story frames) before the page's own scripts. `PREFIX` (where storyville's pages are
# served) is filled in: only those documents are watched.
PROBE = """
(() => {
  const PREFIX = %s;
  const now = () => performance.timeOrigin + performance.now();
  const mark = (name, at) => window.svMark(name, at);
  if (window === window.top) {
    window.addEventListener("keydown", (event) => {
      if (event.ctrlKey && event.key.toLowerCase() === "s") {
        mark("keydown", performance.timeOrigin + event.timeStamp);
      }
    }, true);
  }
  if (!location.href.startsWith(PREFIX)) return;
  const Native = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    const socket = new Native(url, protocols);
    socket.addEventListener("message", (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "hello") window.__svHello = true;
      if (message.type === "reload") mark("message", now());
    });
    return socket;
  };
  Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
  window.WebSocket.prototype = Native.prototype;
  // In place: the page's HTML read (live.js's fetch and text()), then morphed.
  const nativeFetch = window.fetch;
  window.fetch = async function (...args) {
    const response = await nativeFetch.apply(this, args);
    const text = response.text;
    response.text = async () => {
      const body = await text.call(response);
      mark("html", now());
      return body;
    };
    return response;
  };
  window.addEventListener("storyville:updated", () => mark("updated", now()));
  // Reloaded: the new document's HTML received, then parsed.
  document.addEventListener("DOMContentLoaded", () => {
    const [navigation] = performance.getEntriesByType("navigation");
    if (navigation) mark("html", performance.timeOrigin + navigation.responseEnd);
    mark("updated", now());
  });
  function tick() {
    const want = window.name;
    if (want && document.body && document.body.textContent.includes(want)) {
      window.name = "";
      mark("seen", now());
      requestAnimationFrame(() => mark("painted", now()));
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();
"""
# live.js's fallback, forced: its fetch fails and idiomorph is gone (a reload that carries the
# page's HTML needs no fetch).
NO_FETCH = """() => {
  window.fetch = () => Promise.reject(new Error('benchmark: full reload'));
  window.Idiomorph = undefined;
}"""
