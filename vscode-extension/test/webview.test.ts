import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as vm from "node:vm";
import { contentSecurityPolicy, escapeHtml, frameOrigin, IFRAME_SANDBOX, makeNonce, previewHtml, restoredPage, showStoryArg, storyPageUrl } from "../src/webview";

function csp(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match, "a CSP meta tag");
  return match[1]!.replace(/&#39;/g, "'");
}

describe("previewHtml", () => {
  const nonce = "abc123XYZ";
  const url = "http://127.0.0.1:8080/proxy/41234/";
  const html = previewHtml({ url, nonce });

  it("frames the preview URL", () => {
    assert.match(html, /<iframe id="preview" title="Storyville preview" src="http:\/\/127\.0\.0\.1:8080\/proxy\/41234\/"/);
  });
  it("has a strict CSP: nothing but the preview's origin and nonce'd inline code", () => {
    const policy = csp(html);
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /frame-src http:\/\/127\.0\.0\.1:8080(;|$)/);
    assert.match(policy, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(policy, new RegExp(`style-src 'nonce-${nonce}'`));
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  });
  it("puts the nonce on every script and style", () => {
    const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
    assert.ok(tags.length >= 2);
    for (const tag of tags) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
  });
  it("lets the page run its live-reload script (scripts + its own origin) but not navigate the webview", () => {
    assert.match(html, new RegExp(`sandbox="${IFRAME_SANDBOX}"`));
    const flags = IFRAME_SANDBOX.split(" ");
    assert.ok(flags.includes("allow-scripts") && flags.includes("allow-same-origin"));
    assert.ok(!flags.includes("allow-top-navigation"));
  });
  it("keeps the URL and the page for a restored panel", () => {
    const shown = previewHtml({ url, nonce, page: "forms/button/index.html#story-2" });
    assert.match(shown, /let state = \{ url: "http:\/\/127\.0\.0\.1:8080\/proxy\/41234\/", page: "forms\/button\/index\.html#story-2" \}/);
    assert.equal(restoredPage({ url, page: "forms/button/index.html" }), "forms/button/index.html");
    assert.equal(restoredPage({ url }), undefined);
    assert.equal(restoredPage(undefined), undefined);
  });
  it("shows a notice and frames nothing without a URL", () => {
    const waiting = previewHtml({ nonce, notice: "Python <3.14> missing" });
    assert.doesNotMatch(waiting, /<iframe/);
    assert.match(waiting, /Python &lt;3\.14&gt; missing/);
    assert.match(csp(waiting), /frame-src 'none'/);
  });
  it("escapes the URL", () => {
    const odd = previewHtml({ url: 'http://127.0.0.1:1/a"><script>alert(1)</script>', nonce });
    assert.doesNotMatch(odd, /<script>alert/);
    assert.doesNotMatch(odd, /"><script/);
  });
  it("refuses a nonce that could break out of the attribute", () => {
    assert.throws(() => previewHtml({ url, nonce: 'x" onload="y' }));
  });
});

describe("helpers", () => {
  it("frameOrigin keeps scheme, host and port", () => {
    assert.equal(frameOrigin("http://localhost:5173/a/b?c"), "http://localhost:5173");
    assert.equal(frameOrigin("https://abc-8080.app.github.dev/"), "https://abc-8080.app.github.dev");
    assert.throws(() => frameOrigin("javascript:alert(1)"));
  });
  it("contentSecurityPolicy frames only the preview", () => {
    assert.match(contentSecurityPolicy("n", "http://127.0.0.1:9/"), /frame-src http:\/\/127\.0\.0\.1:9;/);
  });
  it("makeNonce is fresh and attribute-safe", () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{16,}$/);
    assert.notEqual(a, makeNonce());
  });
  it("escapeHtml", () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("storyPageUrl", () => {
  const root = "http://127.0.0.1:8080/proxy/41234/";
  it("puts the page under the preview's root", () => {
    assert.equal(storyPageUrl(root, "forms/button/0.html"), "http://127.0.0.1:8080/proxy/41234/forms/button/0.html");
    assert.equal(storyPageUrl("http://127.0.0.1:41234/", "forms/button/0.html"), "http://127.0.0.1:41234/forms/button/0.html");
    assert.equal(storyPageUrl(root, "forms/button/"), `${root}forms/button/`);
  });
  it("adds the missing slash after the root and drops its query", () => {
    assert.equal(storyPageUrl("http://127.0.0.1:8080/proxy/41234", "a/0.html"), "http://127.0.0.1:8080/proxy/41234/a/0.html");
    assert.equal(storyPageUrl("http://127.0.0.1:8080/?folder=/ws", "a/0.html"), "http://127.0.0.1:8080/a/0.html");
  });
  it("is the root for an empty page, and keeps a fragment", () => {
    assert.equal(storyPageUrl(root, ""), root);
    assert.equal(storyPageUrl(root, "a/0.html#story"), `${root}a/0.html#story`);
  });
  it("keeps the page's encoding", () => {
    assert.equal(storyPageUrl(root, "caf%C3%A9/0.html"), `${root}caf%C3%A9/0.html`);
    assert.equal(storyPageUrl(root, "a b/0.html"), `${root}a%20b/0.html`);
  });
  it("refuses pages that leave the root", () => {
    for (const page of [
      "../secret.html",
      "forms/../../x.html",
      "forms/..",
      "./forms/0.html",
      "%2e%2e/x.html",
      "forms/%2E%2E/%2e%2e/x.html",
      "forms%2f..%2f..%2fx.html",
      "/etc/passwd",
      "//evil.example/x.html",
      "\\evil.example\\x.html",
      "forms\\..\\..\\x.html",
      "http://evil.example/x.html",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "a/0.html?x=../..",
      "a/\u0000.html",
      "a/%zz.html",
    ]) {
      assert.throws(() => storyPageUrl(root, page), /not a page below the preview/, page);
    }
  });
  it("refuses a root that is not a web URL", () => {
    assert.throws(() => storyPageUrl("file:///tmp/site/", "a/0.html"), /not a web URL/);
  });
});

describe("showStoryArg", () => {
  it("takes the code lens's argument", () => {
    assert.deepEqual(showStoryArg([{ page: "forms/button/0.html", title: "Forms › Button › Primary" }]), {
      page: "forms/button/0.html",
      title: "Forms › Button › Primary",
    });
  });
  it("names an untitled story by its page", () => {
    assert.deepEqual(showStoryArg([{ page: "a/1.html" }]), { page: "a/1.html", title: "a/1.html" });
  });
  it("has nothing for arguments without a page", () => {
    for (const args of [[], [null], ["forms/button/0.html"], [{ title: "x" }], [{ page: 3 }]]) assert.equal(showStoryArg(args), undefined);
  });
});

/** Runs the panel's script against a fake webview: what it posts, dispatches and frames. */
function runPanelScript(html: string) {
  const script = /<script nonce="[^"]*">([\s\S]*?)<\/script>/.exec(html)![1]!;
  interface FakeFrame {
    contentWindow: object;
    src: string;
    cloneNode(deep: boolean): FakeFrame;
    replaceWith(next: FakeFrame): void;
    addEventListener(type: string, fn: () => void): void;
    load(): void;
  }
  const frameWindow = {};
  const panel = { frame: undefined as unknown as FakeFrame, frames: 1 };
  const fakeFrame = (src: string, contentWindow: object): FakeFrame => {
    const onLoad: (() => void)[] = [];
    return {
    contentWindow,
    src,
    addEventListener: (type: string, fn: () => void) => {
      if (type === "load") onLoad.push(fn);
    },
    load: () => onLoad.forEach((fn) => fn()),
    cloneNode: () => fakeFrame(src, {}),
    replaceWith(next: FakeFrame) {
      panel.frame = next;
      panel.frames += 1;
    },
    };
  };
  panel.frame = fakeFrame("http://127.0.0.1:8080/proxy/41234/", frameWindow);
  const frame = panel.frame;
  const posted: unknown[] = [];
  const states: unknown[] = [];
  const dispatched: { type: string; init: Record<string, unknown> }[] = [];
  let listener: ((event: unknown) => void) | undefined;
  const context = {
    // JSON: the objects come from another realm (as they cross postMessage in a webview)
    acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))), setState: (s: unknown) => states.push(JSON.parse(JSON.stringify(s))) }),
    document: { getElementById: (id: string) => (id === "preview" ? frame : null) },
    window: {
      addEventListener: (type: string, fn: (event: unknown) => void) => {
        if (type === "message") listener = fn;
      },
      dispatchEvent: (event: { type: string; init: Record<string, unknown> }) => dispatched.push(event),
    },
    KeyboardEvent: class {
      constructor(
        public type: string,
        public init: Record<string, unknown>,
      ) {}
    },
  };
  vm.runInNewContext(script, context);
  const send = (data: unknown, fromFrame: boolean, origin = "http://127.0.0.1:8080") =>
    listener!({ data, source: fromFrame ? panel.frame.contentWindow : {}, origin });
  return { panel, posted, states, dispatched, send };
}

describe("the panel's script", () => {
  const url = "http://127.0.0.1:8080/proxy/41234/";
  it("relays the preview page's openSource to the extension", () => {
    const panel = runPanelScript(previewHtml({ url, nonce: "n1" }));
    panel.send({ type: "storyville.openSource", file: "/ws/a/stories.py", line: 15 }, true);
    assert.deepEqual(panel.posted, [{ type: "openSource", file: "/ws/a/stories.py", line: 15 }]);
    panel.send({ type: "storyville.openSource", file: "/etc/passwd", line: 1 }, true, "http://evil.example");
    panel.send({ type: "storyville.openSource", file: "/x", line: 1 }, false); // not from the frame
    assert.equal(panel.posted.length, 1);
  });
  it("re-dispatches forwarded shortcuts as keydown events", () => {
    const panel = runPanelScript(previewHtml({ url, nonce: "n1" }));
    panel.send({ type: "storyville.key", key: "P", code: "KeyP", ctrlKey: true, shiftKey: true }, true);
    panel.send({ type: "storyville.key", key: "a" }, true); // typing stays in the page
    assert.equal(panel.dispatched.length, 1);
    assert.equal(panel.dispatched[0]!.type, "keydown");
    assert.equal(panel.dispatched[0]!.init.key, "P");
    assert.equal(panel.dispatched[0]!.init.ctrlKey, true);
    assert.equal(panel.dispatched[0]!.init.bubbles, true);
  });
  it("navigates on the extension's word (a fresh frame, or a scroll), below the preview only, and keeps the page", () => {
    const script = runPanelScript(previewHtml({ url, nonce: "n1" }));
    script.send({ type: "navigate", url: `${url}forms/index.html#story-1`, page: "forms/index.html#story-1" }, false);
    assert.equal(script.panel.frame.src, `${url}forms/index.html#story-1`);
    assert.equal(script.panel.frames, 2); // another page: a new frame
    assert.deepEqual(script.states.at(-1), { url, page: "forms/index.html#story-1" });
    script.send({ type: "navigate", url: `${url}forms/index.html#story-2`, page: "forms/index.html#story-2", scroll: true }, false);
    assert.equal(script.panel.frame.src, `${url}forms/index.html#story-2`);
    assert.equal(script.panel.frames, 3); // still loading: a new frame again
    script.panel.frame.load();
    script.send({ type: "navigate", url: `${url}forms/index.html#story-1`, page: "forms/index.html#story-1", scroll: true }, false);
    script.send({ type: "navigate", url: `${url}forms/index.html#story-2`, page: "forms/index.html#story-2", scroll: true }, false);
    assert.equal(script.panel.frame.src, `${url}forms/index.html#story-2`);
    assert.equal(script.panel.frames, 3); // loaded, the same page: its fragment
    script.send({ type: "navigate", url: "http://evil.example/", page: "" }, false);
    script.send({ type: "navigate", url: `${url}other.html`, page: "other.html" }, true); // the page cannot

    assert.equal(script.panel.frame.src, `${url}forms/index.html#story-2`);
  });
});
