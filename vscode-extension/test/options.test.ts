import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { initializationOptions, RESTART_SETTINGS, serverArgs } from "../src/options";

describe("initializationOptions", () => {
  it("maps the settings and never lets the server open a browser", () => {
    assert.deepEqual(initializationOptions({ package: "examples.complete", previewPort: 8123, useSubinterpreters: false }), {
      package: "examples.complete",
      previewPort: 8123,
      useSubinterpreters: false,
      showDocument: false,
    });
  });
  it("leaves the package out when unset, so the server finds the catalog", () => {
    assert.deepEqual(initializationOptions({ package: "  " }), { previewPort: 0, useSubinterpreters: true, showDocument: false });
    assert.deepEqual(initializationOptions({}), { previewPort: 0, useSubinterpreters: true, showDocument: false });
  });
  it("trims the package", () => {
    assert.equal(initializationOptions({ package: " shop.catalog " }).package, "shop.catalog");
  });
  it("falls back to a free port for values that are not ports", () => {
    for (const port of [-1, 65536, 1.5, Number.NaN, undefined]) {
      assert.equal(initializationOptions({ previewPort: port }).previewPort, 0, String(port));
    }
    assert.equal(initializationOptions({ previewPort: 65535 }).previewPort, 65535);
  });
  it("only sends options the server knows (server/storyville/lsp/options.py)", () => {
    const known = new Set(["package", "previewPort", "useSubinterpreters", "showDocument", "withAssertions", "timeLimit"]);
    for (const key of Object.keys(initializationOptions({ package: "p", previewPort: 1, useSubinterpreters: true }))) {
      assert.ok(known.has(key), key);
    }
  });
});

describe("server command", () => {
  it("runs the language server module", () => {
    assert.deepEqual(serverArgs(), ["-m", "storyville", "lsp"]);
  });
  it("restarts for the settings that change the server, not for openOnStart", () => {
    assert.ok(RESTART_SETTINGS.includes("storyville.interpreter"));
    assert.ok(!(RESTART_SETTINGS as readonly string[]).includes("storyville.preview.openOnStart"));
  });
});
