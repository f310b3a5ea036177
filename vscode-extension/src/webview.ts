// The preview panel's HTML: an iframe on the preview server, behind a strict Content Security
// Policy. No `vscode` import: unit-tested under plain Node.
import { randomBytes } from "node:crypto";
import { forwardedKey } from "./follow";
import type { ShowStoryArg } from "./protocol";

export const PREVIEW_VIEW_TYPE = "storyville.preview";

export interface PreviewPage {
  /** The preview URL as the webview can reach it (after `asExternalUri`); none yet: a notice. */
  url?: string | undefined;
  nonce: string;
  /** What to say while there is no URL. */
  notice?: string | undefined;
  /** The page shown, relative to the preview's root: kept in the webview's state for a reload. */
  page?: string | undefined;
}

/** What the panel keeps across window reloads (`vscode.setState`, the panel serializer). */
export interface PreviewState {
  url?: string | null;
  page?: string;
}

/** The page a restored panel showed, if its state says one. */
export function restoredPage(state: unknown): string | undefined {
  if (typeof state !== "object" || state === null) return undefined;
  const { page } = state as Record<string, unknown>;
  return typeof page === "string" ? page : undefined;
}

export function makeNonce(): string {
  return randomBytes(18).toString("base64").replace(/[^A-Za-z0-9]/g, "");
}

/** `http://127.0.0.1:8080/x/` → `http://127.0.0.1:8080`; what CSP `frame-src` allows. */
export function frameOrigin(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new Error(`not a web URL: ${url}`);
  }
  return `${parsed.protocol}//${parsed.host}`;
}

/** The argument of `storyville.showStory` (a "Preview" code lens), if `args` carries one. */
export function showStoryArg(args: readonly unknown[]): ShowStoryArg | undefined {
  const [arg] = args;
  if (typeof arg !== "object" || arg === null) return undefined;
  const { page, title } = arg as Record<string, unknown>;
  if (typeof page !== "string") return undefined;
  return { page, title: typeof title === "string" ? title : page };
}

/**
 * `<root><page>`: a story's page under the preview's root URL. The page must stay below the
 * root: a relative path of plain segments, no `..` or `.` (also percent-encoded), no
 * absolute path, scheme, host or backslash. Throws on anything else.
 */
export function storyPageUrl(root: string, page: string): string {
  const base = new URL(root);
  if (base.protocol !== "http:" && base.protocol !== "https:") throw new Error(`not a web URL: ${root}`);
  base.search = "";
  base.hash = "";
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  const [path = "", fragment] = page.split(/#(.*)/s, 2);
  if (path.startsWith("/") || /[\\\0-\x1f]/.test(page) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || path.includes("?")) {
    throw new Error(`not a page below the preview: ${JSON.stringify(page)}`);
  }
  for (const segment of path.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new Error(`not a page below the preview: ${JSON.stringify(page)}`);
    }
    if (decoded === ".." || decoded === "." || /[\\/]/.test(decoded)) {
      throw new Error(`not a page below the preview: ${JSON.stringify(page)}`);
    }
  }
  const url = new URL(path, base);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
    throw new Error(`not a page below the preview: ${JSON.stringify(page)}`);
  }
  if (fragment) url.hash = fragment;
  return url.toString();
}

export function contentSecurityPolicy(nonce: string, url?: string): string {
  const frames = url ? frameOrigin(url) : "'none'";
  return [
    "default-src 'none'",
    `frame-src ${frames}`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "img-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/**
 * What the preview iframe may do: run the catalog's scripts, keep its origin (the live-reload
 * script keeps the scroll position in sessionStorage and opens a WebSocket), submit forms and
 * open links in a browser. Not: navigate the webview itself.
 */
export const IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function previewHtml(page: PreviewPage): string {
  const { url, nonce } = page;
  if (!/^[A-Za-z0-9+/=]+$/.test(nonce)) throw new Error("a nonce is base64");
  const body = url
    ? `<iframe id="preview" title="Storyville preview" src="${escapeHtml(url)}" sandbox="${IFRAME_SANDBOX}" allow="clipboard-write"></iframe>`
    : `<div id="notice"><p>${escapeHtml(page.notice ?? "Waiting for the storyville language server…")}</p></div>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(nonce, url))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storyville Preview</title>
<style nonce="${nonce}">
  html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; background: #fff; }
  iframe { display: block; border: 0; width: 100%; height: 100vh; }
  #notice { font-family: var(--vscode-font-family, system-ui, sans-serif); color: var(--vscode-foreground, #333);
    background: var(--vscode-editor-background, #fff); height: 100%; padding: 1.5rem; box-sizing: border-box; }
</style>
</head>
<body>
${body}
<script nonce="${nonce}">
(function () {
  "use strict";
  const vscode = acquireVsCodeApi();
  const forwardedKey = (${forwardedKey.toString()});
  const origin = ${scriptJson(url ? frameOrigin(url) : null)};
  let state = { url: ${scriptJson(url ?? null)}, page: ${scriptJson(page.page ?? "")} };
  vscode.setState(state);
  let frame = document.getElementById("preview");
  // A src set while the frame still loads can be lost: until it has loaded, a new frame.
  let loaded = false;
  const watch = (f) => f && f.addEventListener("load", () => { if (f === frame) loaded = true; });
  watch(frame);
  window.addEventListener("message", (event) => {
    const message = event.data;
    if (!message || typeof message !== "object") return;
    if (frame && event.source === frame.contentWindow) {
      // The preview page's own messages: a source location clicked, a shortcut pressed.
      if (event.origin !== origin) return;
      if (message.type === "storyville.openSource") {
        vscode.postMessage({ type: "openSource", file: message.file, line: message.line });
      } else if (message.type === "storyville.key") {
        const key = forwardedKey(message);
        // Re-dispatched here, VS Code's webview host forwards it to the workbench's keybindings.
        if (key) window.dispatchEvent(new KeyboardEvent("keydown", { ...key, bubbles: true, cancelable: true }));
      }
      return;
    }
    if (!frame) return;
    if (message.type === "reload") frame.src = frame.src;
    if (message.type === "navigate" && typeof message.url === "string" && message.url.startsWith(origin + "/")) {
      if (message.scroll && loaded) {
        frame.src = message.url; // only the fragment differs: the page scrolls, no reload
      } else {
        const next = frame.cloneNode(false);
        next.src = message.url;
        loaded = false;
        watch(next);
        frame.replaceWith(next);
        frame = next;
      }
      state = { url: state.url, page: String(message.page ?? "") };
      vscode.setState(state);
    }
  });
})();
</script>
</body>
</html>
`;
}
