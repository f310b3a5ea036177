import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { followAction, forwardedKey, pageTarget, sourceRequest, targetPage, workspaceFile } from "../src/follow";

describe("pageTarget and targetPage", () => {
  it("reads the server's answer", () => {
    assert.deepEqual(pageTarget({ page: "forms/button/index.html", story: 2 }), { page: "forms/button/index.html", story: 2 });
    assert.deepEqual(pageTarget({ page: "forms/button/index.html", story: null }), { page: "forms/button/index.html", story: null });
    assert.deepEqual(pageTarget({ page: "a/index.html", story: -1 }), { page: "a/index.html", story: null });
    assert.equal(pageTarget(null), undefined);
    assert.equal(pageTarget({ page: "" }), undefined);
    assert.equal(pageTarget("a/index.html"), undefined);
  });
  it("points at the story's anchor on its subject's page", () => {
    assert.equal(targetPage({ page: "forms/button/index.html", story: 2 }), "forms/button/index.html#story-2");
    assert.equal(targetPage({ page: "forms/button/index.html", story: 0 }), "forms/button/index.html#story-0");
    assert.equal(targetPage({ page: "forms/button/index.html", story: null }), "forms/button/index.html");
  });
});

describe("followAction", () => {
  const button = { page: "forms/button/index.html", story: 1 };
  it("stays while locked, without an answer, or when the preview is there already", () => {
    assert.equal(followAction(true, "", button), "none");
    assert.equal(followAction(false, "", undefined), "none");
    assert.equal(followAction(false, "forms/button/index.html#story-1", button), "none");
  });
  it("scrolls on the same page, navigates to another", () => {
    assert.equal(followAction(false, "forms/button/index.html#story-0", button), "scroll");
    assert.equal(followAction(false, "forms/button/index.html", button), "scroll");
    assert.equal(followAction(false, "forms/input/index.html", button), "navigate");
    assert.equal(followAction(false, "", button), "navigate");
    assert.equal(followAction(false, "forms/button/1.html", button), "navigate"); // a code lens's story page
  });
});

describe("sourceRequest and workspaceFile", () => {
  const folders = ["/ws/shop", "/ws/lib"];
  const files = new Set(["/ws/shop/forms/stories.py", "/ws/lib/button.py"]);
  const exists = (p: string) => files.has(p);
  it("reads a file and a 1-based line", () => {
    assert.deepEqual(sourceRequest({ type: "storyville.openSource", file: "/ws/shop/forms/stories.py", line: 15 }), { file: "/ws/shop/forms/stories.py", line: 15 });
    assert.deepEqual(sourceRequest({ file: "file:///ws/shop/a%20b.py", line: 0 }), { file: "/ws/shop/a b.py", line: 1 });
    assert.deepEqual(sourceRequest({ file: "x.py", line: "7" }), { file: "x.py", line: 1 });
    assert.equal(sourceRequest({ line: 3 }), undefined);
    assert.equal(sourceRequest(null), undefined);
  });
  it("opens only files inside the workspace folders", () => {
    assert.equal(workspaceFile("/ws/shop/forms/stories.py", folders, exists), "/ws/shop/forms/stories.py");
    assert.equal(workspaceFile("forms/stories.py", folders, exists), "/ws/shop/forms/stories.py");
    assert.equal(workspaceFile("button.py", folders, exists), "/ws/lib/button.py");
    assert.equal(workspaceFile("/ws/shop/../lib/button.py", folders, exists), "/ws/lib/button.py");
    assert.equal(workspaceFile("/etc/passwd", folders, () => true), undefined);
    assert.equal(workspaceFile("../../etc/passwd", folders, () => true), undefined);
    assert.equal(workspaceFile("/ws/shopping/x.py", folders, () => true), undefined);
    assert.equal(workspaceFile("/ws/shop", folders, () => true), undefined);
    assert.equal(workspaceFile("/ws/shop/missing.py", folders, exists), undefined);
  });
  it("takes relative paths from the catalog's import root first (a src/ layout)", () => {
    const project = (p: string) => p === "/ws/app/src/shop/forms/stories.py";
    assert.equal(workspaceFile("shop/forms/stories.py", ["/ws/app"], project), undefined);
    assert.equal(workspaceFile("shop/forms/stories.py", ["/ws/app"], project, ["/ws/app/src"]), "/ws/app/src/shop/forms/stories.py");
    // The import root does not widen what may be opened: still only inside the folders.
    assert.equal(workspaceFile("passwd", ["/ws/app"], (p) => p.startsWith("/etc/"), ["/etc"]), undefined);
  });
});

describe("forwardedKey", () => {
  const key = (init: Record<string, unknown>) => forwardedKey({ type: "storyville.key", code: "", ...init });
  it("forwards shortcuts", () => {
    assert.deepEqual(key({ key: "P", code: "KeyP", ctrlKey: true, shiftKey: true }), {
      key: "P",
      code: "KeyP",
      ctrlKey: true,
      metaKey: false,
      shiftKey: true,
      altKey: false,
      repeat: false,
    });
    assert.equal(key({ key: "F1" })?.key, "F1");
    assert.equal(key({ key: "s", metaKey: true })?.metaKey, true);
    assert.equal(key({ key: "1", altKey: true })?.altKey, true);
    assert.equal(key({ key: "c", ctrlKey: true, altKey: true })?.key, "c");
  });
  it("leaves typing and the page's own editing keys alone", () => {
    assert.equal(key({ key: "a" }), null);
    assert.equal(key({ key: "A", shiftKey: true }), null);
    assert.equal(key({ key: "F20" }), null);
    for (const k of ["a", "c", "v", "x", "z", "y", "C"]) assert.equal(key({ key: k, ctrlKey: true }), null, k);
    assert.equal(key({ key: "v", metaKey: true }), null);
  });
  it("takes only well-formed messages", () => {
    assert.equal(forwardedKey({ type: "other", key: "P", ctrlKey: true }), null);
    assert.equal(forwardedKey({ type: "storyville.key", ctrlKey: true }), null);
    assert.equal(forwardedKey({ type: "storyville.key", key: "x".repeat(40), ctrlKey: true }), null);
    assert.equal(forwardedKey({ type: "storyville.key", key: "p", ctrlKey: "yes" }), null);
    assert.equal(forwardedKey(null), null);
  });
});
