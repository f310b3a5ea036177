import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { bundledWheel, findUv, installPlan, runInstall, shellLine, wheelVersion } from "../src/install";
import type { ProbeOutcome } from "../src/interpreter";

const missing: ProbeOutcome = { kind: "no-storyville", command: "python3", executable: "/v/bin/python", version: "3.14.0", detail: "", pip: false };
const WHEEL = "/ext/server/storyville-0.2.0-py3-none-any.whl";

describe("bundledWheel", () => {
  it("finds the storyville wheel, the newest first", () => {
    const names = ["README", "storyville-0.2.0-py3-none-any.whl", "storyville-0.10.1-py3-none-any.whl", "other-1.0-py3-none-any.whl"];
    assert.equal(bundledWheel("/ext/server", names), "/ext/server/storyville-0.10.1-py3-none-any.whl");
    assert.equal(bundledWheel("/ext/server", ["storyville-0.2.0.tar.gz"]), undefined);
    assert.equal(wheelVersion(WHEEL), "0.2.0");
  });
});

describe("findUv", () => {
  const has = (...files: string[]) => (f: string) => files.includes(f);
  it("prefers uv beside the interpreter, then the PATH, then ~/.local/bin", () => {
    const search = { interpreterDir: "/v/bin", pathEnv: "/usr/bin:/opt/uv", home: "/h", platform: "linux" as const };
    assert.equal(findUv({ ...search, exists: has("/v/bin/uv", "/opt/uv/uv") }), "/v/bin/uv");
    assert.equal(findUv({ ...search, exists: has("/opt/uv/uv", "/h/.local/bin/uv") }), "/opt/uv/uv");
    assert.equal(findUv({ ...search, exists: has("/h/.local/bin/uv") }), "/h/.local/bin/uv");
    assert.equal(findUv({ ...search, exists: has() }), undefined);
  });
});

describe("installPlan", () => {
  it("uses uv pip install --python where uv is found", () => {
    const plan = installPlan(missing, WHEEL, "/h/.local/bin/uv");
    assert.equal(plan.kind, "run");
    assert.ok(plan.kind === "run");
    assert.equal(plan.tool, "uv");
    assert.deepEqual(plan.args, ["pip", "install", "--python", "/v/bin/python", "--reinstall-package", "storyville", WHEEL]);
  });
  it("else python -m pip, when the environment has pip", () => {
    const plan = installPlan({ ...missing, pip: true }, WHEEL, undefined);
    assert.ok(plan.kind === "run");
    assert.equal(plan.tool, "pip");
    assert.equal(plan.command, "/v/bin/python");
    assert.deepEqual(plan.args, ["-m", "pip", "install", "--upgrade", WHEEL]);
  });
  it("says plainly when neither can, with the command to run", () => {
    const plan = installPlan(missing, WHEEL, undefined);
    assert.ok(plan.kind === "manual");
    assert.match(plan.reason, /neither uv nor pip is available for \/v\/bin\/python/);
    assert.match(plan.display, /^uv pip install --python \/v\/bin\/python .*storyville-0\.2\.0-py3-none-any\.whl$/);
  });
  it("never installs `storyville` by name from an index (it is the other project)", () => {
    const plan = installPlan(missing, undefined, "/usr/bin/uv");
    assert.ok(plan.kind === "manual");
    assert.match(plan.reason, /carries no storyville wheel/);
  });
  it("quotes paths with spaces", () => {
    assert.equal(shellLine("/My Env/bin/python", ["-m", "pip"]), "'/My Env/bin/python' -m pip");
  });
});

describe("runInstall (real processes)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "storyville-install-"));
  const fake = (name: string, body: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };
  it("streams the output and reports success", async () => {
    const lines: string[] = [];
    const result = await runInstall({ command: fake("ok-installer", 'echo "Installed 1 package"; echo "warn" >&2'), args: [] }, (l) => lines.push(l));
    assert.equal(result.ok, true);
    assert.deepEqual(lines.sort(), ["Installed 1 package", "warn"]);
  });
  it("reports a failure with what the installer said", async () => {
    const result = await runInstall({ command: fake("bad-installer", 'echo "error: no such wheel" >&2; exit 2'), args: [] }, () => undefined);
    assert.equal(result.ok, false);
    assert.match(result.output, /no such wheel/);
  });
  it("reports a missing installer", async () => {
    const result = await runInstall({ command: path.join(dir, "nope"), args: [] }, () => undefined);
    assert.equal(result.ok, false);
    assert.match(result.output, /ENOENT/);
  });
});
