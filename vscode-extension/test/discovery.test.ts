import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { autoChoice, candidatePaths, pickItems } from "../src/discovery";
import type { ProbeOutcome } from "../src/interpreter";

describe("candidatePaths", () => {
  const tree: Record<string, string[]> = {
    "/usr/bin": ["python3", "python3.11", "ls"],
    "/usr/local/bin": ["python3.14", "python3"],
    "/h/.local/share/uv/python": ["cpython-3.14.0-linux-x86_64-gnu", "cpython-3.13.1-linux-x86_64-gnu", "cpython-3.14.2-linux-x86_64-gnu"],
    "/h/.local/share/uv/python/cpython-3.14.2-linux-x86_64-gnu/bin": ["python3.14", "python"],
    "/h/.local/share/uv/python/cpython-3.14.0-linux-x86_64-gnu/bin": ["python3.14"],
    "/h/.pyenv/versions": ["3.14.1"],
    "/h/.pyenv/versions/3.14.1/bin": ["python"],
  };
  const list = (dir: string) => tree[dir] ?? [];
  it("lists the PATH first, then the usual places, each file once", () => {
    const files = candidatePaths({ pathEnv: "/usr/bin:relative:/usr/bin", home: "/h", platform: "linux", list });
    assert.deepEqual(files, [
      "/usr/bin/python3",
      "/usr/local/bin/python3.14",
      "/usr/local/bin/python3",
      "/h/.local/share/uv/python/cpython-3.14.2-linux-x86_64-gnu/bin/python3.14",
      "/h/.local/share/uv/python/cpython-3.14.2-linux-x86_64-gnu/bin/python",
      "/h/.local/share/uv/python/cpython-3.14.0-linux-x86_64-gnu/bin/python3.14",
      "/h/.pyenv/versions/3.14.1/bin/python",
    ]);
  });
});

describe("pickItems", () => {
  const probe = (o: Partial<ProbeOutcome>): ProbeOutcome => ({ kind: "ok", command: "p", detail: "", ...o });
  it("keeps Python 3.14+, one row per environment, those with storyville first", () => {
    const items = pickItems([
      probe({ kind: "too-old", executable: "/usr/bin/python3", version: "3.11.2" }),
      probe({ kind: "no-storyville", executable: "/usr/local/bin/python3.14", prefix: "/usr/local", version: "3.14.0" }),
      probe({ kind: "no-storyville", executable: "/usr/local/bin/python3", prefix: "/usr/local", version: "3.14.0" }),
      probe({ kind: "ok", executable: "/ws/.venv/bin/python", prefix: "/ws/.venv", version: "3.14.0", storyvilleVersion: "0.2.0" }),
      probe({ kind: "wrong-storyville", executable: "/old/bin/python", prefix: "/old", version: "3.14.0", distribution: "0.1.1" }),
      probe({ kind: "missing", command: "/gone" }),
    ]);
    assert.deepEqual(
      items.map((i) => [i.command, i.detail]),
      [
        ["/ws/.venv/bin/python", "storyville 0.2.0"],
        ["/usr/local/bin/python3.14", "storyville is not installed (Install offers it)"],
        ["/old/bin/python", "storyville 0.1.1: the older project of that name (Install offers this one)"],
      ],
    );
    assert.equal(items[0]?.label, "Python 3.14.0");
  });
});

describe("autoChoice", () => {
  const item = (command: string) => ({ label: "", description: "", detail: "", command });
  it("takes the only one, asks among several", () => {
    assert.deepEqual(autoChoice([]), { kind: "none" });
    assert.deepEqual(autoChoice([item("/a")]), { kind: "one", command: "/a" });
    assert.deepEqual(autoChoice([item("/a"), item("/b")]), { kind: "ask" });
  });
});
