import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentSecurityPolicy, escapeHtml, frameOrigin, IFRAME_SANDBOX, makeNonce, previewHtml } from "../src/webview";

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
  it("keeps the URL for a restored panel", () => {
    assert.match(html, /vscode\.setState\(\{ url: "http:\/\/127\.0\.0\.1:8080\/proxy\/41234\/" \}\)/);
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
