import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildLogLines, formatDuration, statusView } from "../src/status";

describe("statusView", () => {
  it("spins while building", () => {
    const view = statusView({ kind: "building", message: "importing stories" });
    assert.equal(view.text, "$(sync~spin) Storyville: building…");
    assert.match(view.tooltip, /importing stories/);
  });
  it("shows the build time after a good build", () => {
    const view = statusView({ kind: "finished", result: { ok: true, durationMs: 42.4, summary: "built 12 stories" } });
    assert.equal(view.text, "$(check) Storyville 42 ms");
    assert.equal(view.severity, "normal");
    assert.match(view.tooltip, /built 12 stories/);
  });
  it("names the error after a failed build", () => {
    const view = statusView({
      kind: "finished",
      result: { ok: false, mode: "syntax-check", summary: "invalid syntax", errors: [{ kind: "syntax", message: "invalid syntax", file: "/ws/shop/button/stories.py", line: 7 }] },
    });
    assert.equal(view.text, "$(error) Storyville: syntax (button/stories.py:7)");
    assert.equal(view.severity, "error");
  });
  it("warns of failing assertions when the build is ok", () => {
    const view = statusView({ kind: "finished", result: { ok: true, summary: "built 5 stories; 2 assertions failed", assertionsFailed: 2, assertionsPassed: 3 } });
    assert.equal(view.text, "$(warning) Storyville: 2 failing");
    assert.equal(view.severity, "warning");
    assert.match(view.tooltip, /2 assertions failed/);
    // an error stays an error, failing assertions or not
    const failed = statusView({ kind: "finished", result: { ok: false, assertionsFailed: 2, errors: [{ kind: "import", message: "m", file: null, line: null }] } });
    assert.equal(failed.severity, "error");
    assert.equal(statusView({ kind: "finished", result: { ok: true, assertionsFailed: 0 } }).severity, "normal");
  });
  it("counts several errors", () => {
    const error = { kind: "import", message: "m", file: null, line: null };
    assert.equal(statusView({ kind: "finished", result: { ok: false, errors: [error, error, error] } }).text, "$(error) Storyville: 3 errors");
  });
  it("says when the server cannot run", () => {
    const view = statusView({ kind: "failed", problem: "Python 3.11 is too old" });
    assert.equal(view.severity, "error");
    assert.match(view.tooltip, /too old.*logs/);
  });
});

describe("buildLogLines", () => {
  it("logs a syntax check's errors, one line each", () => {
    const error = { kind: "syntax", message: "invalid syntax", file: "/ws/b/stories.py", line: 7 };
    assert.deepEqual(buildLogLines({ ok: false, mode: "syntax-check", summary: "invalid syntax", errors: [error] }), [
      "syntax check failed: /ws/b/stories.py:7: syntax: invalid syntax",
    ]);
    assert.deepEqual(buildLogLines({ ok: false, mode: "syntax-check", summary: "bad" }), ["syntax check failed: bad"]);
  });
  it("leaves builds to the server's own log", () => {
    assert.deepEqual(buildLogLines({ ok: false, mode: "partial", errors: [] }), []);
    assert.deepEqual(buildLogLines({ ok: true, mode: "full" }), []);
  });
});

describe("formatDuration", () => {
  it("uses ms below a second, then seconds", () => {
    assert.equal(formatDuration(3.2), "3 ms");
    assert.equal(formatDuration(1234), "1.23 s");
    assert.equal(formatDuration(12_345), "12.3 s");
    assert.equal(formatDuration(undefined), "");
  });
});

describe("statusView with several catalogs", () => {
  it("names the catalog built", () => {
    const ok = statusView({ kind: "finished", result: { ok: true, durationMs: 40, summary: "built" } }, "shop.catalog");
    assert.equal(ok.text, "$(check) Storyville (shop.catalog) 40 ms");
    assert.match(ok.tooltip, /^Storyville \(shop\.catalog\): built/);
    const failing = statusView({ kind: "finished", result: { ok: true, assertionsFailed: 2, summary: "s" } }, "shop.catalog");
    assert.equal(failing.text, "$(warning) Storyville (shop.catalog): 2 failing");
  });
});
