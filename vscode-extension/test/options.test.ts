import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { initializationOptions, needsRestart, readSettings, RESTART_SETTINGS, serverArgs } from "../src/options";

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
    const known = new Set(["package", "previewPort", "useSubinterpreters", "showDocument", "withAssertions", "timeLimit", "memoryLimitMb", "logLevel"]);
    const all = { package: "p", previewPort: 1, useSubinterpreters: true, withAssertions: false, timeLimit: 5, memoryLimitMb: 0, logLevel: "info" };
    assert.equal(Object.keys(initializationOptions(all)).length, 8);
    for (const key of Object.keys(initializationOptions(all))) {
      assert.ok(known.has(key), key);
    }
  });
});

describe("live settings", () => {
  it("passes limits, assertions and the log level, and leaves out values the server would refuse", () => {
    assert.deepEqual(initializationOptions({ timeLimit: 2.5, memoryLimitMb: 512, withAssertions: false, logLevel: "warning" }), {
      previewPort: 0,
      useSubinterpreters: true,
      showDocument: false,
      timeLimit: 2.5,
      memoryLimitMb: 512,
      withAssertions: false,
      logLevel: "warning",
    });
    const refused = initializationOptions({ timeLimit: 0, memoryLimitMb: -1, logLevel: "verbose" });
    assert.deepEqual(Object.keys(refused).sort(), ["previewPort", "showDocument", "useSubinterpreters"]);
  });
  it("reads the settings by their names in package.json, ignoring values of the wrong type", () => {
    const values: Record<string, unknown> = { "preview.port": 8123, timeLimit: "10", logLevel: "info", package: "shop" };
    assert.deepEqual(readSettings((key) => values[key]), {
      package: "shop",
      previewPort: 8123,
      useSubinterpreters: undefined,
      withAssertions: undefined,
      timeLimit: undefined,
      memoryLimitMb: undefined,
      logLevel: "info",
    });
  });
  it("restarts only when the interpreter changes; the rest goes to the running server", () => {
    const changed = (...settings: string[]) => (section: string) => settings.some((s) => s === section || s.startsWith(`${section}.`));
    assert.equal(needsRestart(changed("storyville.interpreter")), true);
    for (const setting of ["storyville.timeLimit", "storyville.logLevel", "storyville.withAssertions", "storyville.memoryLimitMb", "storyville.package", "storyville.preview.port", "storyville.useSubinterpreters", "storyville.preview.openOnStart"]) {
      assert.equal(needsRestart(changed(setting)), false, setting);
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
