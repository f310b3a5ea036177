import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import {
  chooseInterpreter,
  expandPath,
  interpretProbe,
  PROBE_SCRIPT,
  probeInterpreter,
  problemMessage,
  workspaceVenvCandidates,
} from "../src/interpreter";

describe("chooseInterpreter", () => {
  it("prefers the setting", () => {
    assert.deepEqual(chooseInterpreter({ setting: "/opt/py/bin/python", pythonExtension: "/env/bin/python", home: "/home/u" }), {
      command: "/opt/py/bin/python",
      source: "setting",
    });
  });
  it("expands the setting", () => {
    assert.deepEqual(chooseInterpreter({ setting: " ${workspaceFolder}/.venv/bin/python ", workspaceFolder: "/ws", home: "/h" }), {
      command: "/ws/.venv/bin/python",
      source: "setting",
    });
    assert.equal(chooseInterpreter({ setting: "~/py/bin/python3", home: "/home/u" }).command, "/home/u/py/bin/python3");
  });
  it("then takes the Python extension's environment", () => {
    assert.deepEqual(chooseInterpreter({ setting: "  ", pythonExtension: "/env/bin/python", home: "/h" }), {
      command: "/env/bin/python",
      source: "python-extension",
    });
  });
  it("then the one picked in this workspace, then the workspace's venv", () => {
    assert.deepEqual(chooseInterpreter({ picked: "/p/bin/python", workspaceVenv: "/ws/.venv/bin/python", home: "/h" }), {
      command: "/p/bin/python",
      source: "picked",
    });
    assert.deepEqual(chooseInterpreter({ workspaceVenv: "/ws/.venv/bin/python", home: "/h" }), {
      command: "/ws/.venv/bin/python",
      source: "workspace-venv",
    });
    assert.equal(chooseInterpreter({ pythonExtension: "/env/bin/python", picked: "/p/bin/python", home: "/h" }).source, "python-extension");
  });
  it("looks for .venv, then venv, in the folder", () => {
    assert.deepEqual(workspaceVenvCandidates("/ws", "linux"), ["/ws/.venv/bin/python", "/ws/venv/bin/python"]);
    assert.equal(workspaceVenvCandidates("/ws", "win32")[0], path.join("/ws", ".venv", "Scripts", "python.exe"));
  });
  it("else python3 on the PATH", () => {
    assert.deepEqual(chooseInterpreter({ home: "/h" }), { command: "python3", source: "path" });
    assert.deepEqual(chooseInterpreter({ setting: "", pythonExtension: "", home: "/h" }), { command: "python3", source: "path" });
  });
});

describe("expandPath", () => {
  it("leaves a bare command for the PATH", () => {
    assert.equal(expandPath("python3.14", "/ws", "/h"), "python3.14");
  });
  it("makes relative paths relative to the workspace", () => {
    assert.equal(expandPath(".venv/bin/python", "/ws", "/h"), "/ws/.venv/bin/python");
  });
  it("expands ${userHome} and ${env:NAME}", () => {
    assert.equal(expandPath("${userHome}/x/${env:PYNAME}", undefined, "/h", { PYNAME: "python" }), "/h/x/python");
    assert.equal(expandPath("/a/${env:MISSING}b", undefined, "/h", {}), "/a/b");
  });
  it("keeps ${workspaceFolder} when there is no folder", () => {
    assert.equal(expandPath("${workspaceFolder}/py", undefined, "/h"), "${workspaceFolder}/py");
  });
});

describe("interpretProbe", () => {
  const run = (stdout: string, extra: Partial<Parameters<typeof interpretProbe>[1]> = {}) =>
    interpretProbe("python3", { exitCode: 0, stdout, stderr: "", ...extra });

  it("accepts Python 3.14 with storyville", () => {
    const outcome = run('{"version": [3, 14, 2], "executable": "/v/bin/python", "storyville": "0.2.0"}\n');
    assert.equal(outcome.kind, "ok");
    assert.equal(outcome.version, "3.14.2");
    assert.equal(outcome.executable, "/v/bin/python");
    assert.equal(outcome.storyvilleVersion, "0.2.0");
  });
  it("accepts newer Pythons", () => {
    assert.equal(run('{"version": [3, 15, 0], "executable": "p", "storyville": "1"}').kind, "ok");
    assert.equal(run('{"version": [4, 0, 0], "executable": "p", "storyville": "1"}').kind, "ok");
  });
  it("refuses an older Python", () => {
    const outcome = run('{"version": [3, 11, 2], "executable": "/usr/bin/python3"}');
    assert.equal(outcome.kind, "too-old");
    assert.match(problemMessage(outcome, "path"), /needs Python 3\.14 or newer; "python3" \(from python3 on the PATH\) is Python 3\.11\.2/);
  });
  it("says when storyville is not installed", () => {
    const outcome = run('{"version": [3, 14, 0], "executable": "/v/bin/python", "importError": "ModuleNotFoundError: No module named \'storyville\'"}');
    assert.equal(outcome.kind, "no-storyville");
    assert.match(outcome.detail, /No module named/);
    assert.match(problemMessage(outcome, "setting"), /not installed in "\/v\/bin\/python" \(from the storyville.interpreter setting\)/);
  });
  it("says when the interpreter does not exist", () => {
    const error = Object.assign(new Error("spawn nope ENOENT"), { code: "ENOENT" });
    const outcome = interpretProbe("nope", { error, exitCode: null, stdout: "", stderr: "" });
    assert.equal(outcome.kind, "missing");
    assert.match(problemMessage(outcome, "path"), /"nope" \(from python3 on the PATH\) was not found/);
  });
  it("says when it is not a working Python 3", () => {
    const outcome = run("", { exitCode: 1, stderr: "  File \"<string>\", line 1\nSyntaxError: invalid syntax\n" });
    assert.equal(outcome.kind, "broken");
    assert.match(outcome.detail, /SyntaxError/);
    assert.equal(run("garbage {not json").kind, "broken");
  });
  it("ignores what the interpreter printed before the JSON line", () => {
    assert.equal(run('hello from sitecustomize\n{"version": [3, 14, 0], "executable": "p", "storyville": "0.2.0"}\n').kind, "ok");
  });
  it("names storyville 0.1.x as the other project, also when it does not import", () => {
    const outcome = run(
      '{"version": [3, 14, 0], "executable": "/v/bin/python", "distribution": "0.1.1", "pip": false, "importError": "ImportError: cannot import name"}',
    );
    assert.equal(outcome.kind, "wrong-storyville");
    assert.equal(outcome.distribution, "0.1.1");
    assert.equal(outcome.pip, false);
    assert.match(problemMessage(outcome, "workspace-venv"), /has storyville 0\.1\.1: that is the older project of the same name, not this one/);
    assert.equal(run('{"version": [3, 14, 0], "executable": "p", "distribution": "0.1.0", "storyville": "0.1.0"}').kind, "wrong-storyville");
  });
  it("accepts this project's versions and reads pip and the prefix", () => {
    const outcome = run('{"version": [3, 14, 0], "executable": "p", "prefix": "/v", "distribution": "0.2.0", "pip": true, "storyville": "0.2.0"}');
    assert.equal(outcome.kind, "ok");
    assert.equal(outcome.pip, true);
    assert.equal(outcome.prefix, "/v");
    assert.equal(run('{"version": [3, 14, 0], "executable": "p", "distribution": "1.0.0", "storyville": "1.0.0"}').kind, "ok");
  });
});

describe("probeInterpreter (real processes)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "storyville-probe-"));
  const fake = (name: string, body: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it("finds a missing interpreter", async () => {
    assert.equal((await probeInterpreter(path.join(dir, "no-such-python"))).kind, "missing");
  });
  it("finds a program that is not Python", async () => {
    assert.equal((await probeInterpreter(fake("false-python", "exit 3"))).kind, "broken");
  });
  it("reads the probe's output", async () => {
    const python = fake("python-without-storyville", `echo '{"version": [3, 14, 0], "executable": "${dir}/x", "importError": "ModuleNotFoundError"}'`);
    assert.equal((await probeInterpreter(python)).kind, "no-storyville");
  });
  it("runs a real Python 3 (any version) without crashing", { skip: !existsSync("/usr/bin/python3") }, async () => {
    const outcome = await probeInterpreter("/usr/bin/python3");
    assert.ok(["ok", "too-old", "no-storyville"].includes(outcome.kind), outcome.detail);
    assert.match(outcome.version ?? "", /^3\.\d+\.\d+$/);
  });
  const venv = path.resolve(__dirname, "../../../.venv/bin/python");
  it("accepts the project's own environment", { skip: !existsSync(venv) && "no ../.venv" }, async () => {
    const outcome = await probeInterpreter(venv);
    assert.equal(outcome.kind, "ok", outcome.detail);
    assert.match(outcome.distribution ?? "", /^0\.[2-9]/);
  });
  it("keeps the probe script free of f-strings (it must run on any Python 3)", () => {
    assert.doesNotMatch(PROBE_SCRIPT, /\bf["']/);
  });
});
