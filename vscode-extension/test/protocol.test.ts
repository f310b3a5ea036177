// The two sides of storyville's LSP additions cannot drift: the names in src/protocol.ts are
// the ones server/storyville/lsp/protocol.py declares, and BuildFinished has to_json's keys.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { type BuildFinished, buildFinished, commands, preview } from "../src/protocol";

// Bundled to out/test/protocol.test.js: the repository is three levels up.
const PROTOCOL_PY = path.resolve(__dirname, "../../../server/storyville/lsp/protocol.py");
const source = readFileSync(PROTOCOL_PY, "utf8");

/** The module-level `NAME = "value"` lines of protocol.py. */
function pythonNames(text: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const match of text.matchAll(/^([A-Z][A-Z0-9_]*) = "([^"\\]*)"$/gm)) names[match[1]!] = match[2]!;
  return names;
}

/** The keys of the dict `BuildFinished.to_json` returns. */
function toJsonKeys(text: string): string[] {
  const cls = text.slice(text.indexOf("\nclass BuildFinished"));
  const method = cls.slice(cls.indexOf("def to_json"));
  const body = method.slice(0, method.search(/\n {8}\}/));
  return [...body.matchAll(/^ {12}"(\w+)":/gm)].map((m) => m[1]!);
}

describe("protocol.ts and protocol.py", () => {
  it("declare the same method and command names", () => {
    const extension = {
      PREVIEW: preview.method,
      BUILD_FINISHED: buildFinished.method,
      REBUILD: commands.rebuild,
      PREVIEW_URL: commands.previewUrl,
      SHOW_STORY: commands.showStory,
      PAGE_FOR: commands.pageFor,
      CATALOGS: commands.catalogs,
    };
    assert.deepEqual(pythonNames(source), extension);
  });
  it("agree on BuildFinished's keys", () => {
    // Required<…> with no extra keys: the compiler keeps this object in step with the interface.
    const sample: Required<BuildFinished> = {
      ok: true,
      build: 1,
      mode: "full",
      summary: "",
      durationMs: 0,
      pagesChanged: 0,
      stories: 0,
      assertionsPassed: 0,
      assertionsFailed: 0,
      errors: [],
    };
    const keys = toJsonKeys(source);
    assert.ok(keys.length > 5, `found to_json's keys in ${PROTOCOL_PY}: ${keys.join(", ")}`);
    assert.deepEqual(Object.keys(sample).sort(), keys.sort());
  });
  it("parses what it reads", () => {
    assert.deepEqual(pythonNames('A = "x"\n"""doc"""\nB_2 = "y/z"\n  C = "indented"\nd = "lower"\n'), { A: "x", B_2: "y/z" });
  });
});
