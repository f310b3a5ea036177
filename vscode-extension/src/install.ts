// Installing the storyville that matches this extension into the user's interpreter. The
// .vsix carries the wheel (server/storyville-X.Y.Z-py3-none-any.whl): the name on the public
// package index belongs to an older, different project. No `vscode` import: unit-tested.
import { execFile } from "node:child_process";
import * as path from "node:path";
import type { ProbeOutcome } from "./interpreter";

/** Where scripts/extension.sh puts the wheel inside the extension. */
export const WHEEL_DIR = "server";

/** The storyville wheel among `names` (a directory listing), newest version first. */
export function bundledWheel(dir: string, names: readonly string[]): string | undefined {
  const wheels = names.filter((n) => /^storyville-\d[^-]*-py3-none-any\.whl$/.test(n));
  wheels.sort((a, b) => compareVersions(wheelVersion(b), wheelVersion(a)));
  const newest = wheels[0];
  return newest === undefined ? undefined : path.join(dir, newest);
}

export function wheelVersion(file: string): string {
  return path.basename(file).split("-")[1] ?? "";
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface UvSearch {
  /** The interpreter's own directory: a uv-made venv often has no pip, a uv-installed one has uv. */
  interpreterDir?: string | undefined;
  /** The PATH as the extension host sees it. */
  pathEnv?: string | undefined;
  home: string;
  platform?: NodeJS.Platform;
  exists: (file: string) => boolean;
}

/** uv next to the interpreter, else on the PATH, else where its installer puts it. */
export function findUv(search: UvSearch): string | undefined {
  const exe = (search.platform ?? process.platform) === "win32" ? "uv.exe" : "uv";
  const dirs = [
    search.interpreterDir,
    ...(search.pathEnv ?? "").split(path.delimiter),
    path.join(search.home, ".local", "bin"),
    path.join(search.home, ".cargo", "bin"),
  ].filter((d): d is string => Boolean(d));
  for (const dir of dirs) {
    const file = path.join(dir, exe);
    if (search.exists(file)) return file;
  }
  return undefined;
}

export type InstallPlan =
  | { kind: "run"; tool: "uv" | "pip"; command: string; args: string[]; display: string }
  | { kind: "manual"; reason: string; display: string };

/**
 * How to install `wheel` into the probed interpreter's environment: `uv pip install --python`
 * where uv is found, else `python -m pip`, else the command for the user to run.
 */
export function installPlan(outcome: ProbeOutcome, wheel: string | undefined, uv: string | undefined): InstallPlan {
  const python = outcome.executable ?? outcome.command;
  if (!wheel) {
    return {
      kind: "manual",
      reason: "this build of the extension carries no storyville wheel",
      display: `${quote(python)} -m pip install <a clone of the storyville repository>`,
    };
  }
  // Reinstalled also when the same version is there (a broken install, or 0.1.x's files).
  const uvArgs = ["pip", "install", "--python", python, "--reinstall-package", "storyville", wheel];
  const pipArgs = ["-m", "pip", "install", "--upgrade", wheel];
  if (uv) return { kind: "run", tool: "uv", command: uv, args: uvArgs, display: shellLine(uv, uvArgs) };
  if (outcome.pip) return { kind: "run", tool: "pip", command: python, args: pipArgs, display: shellLine(python, pipArgs) };
  return {
    kind: "manual",
    reason: `neither uv nor pip is available for ${python}`,
    display: shellLine("uv", uvArgs),
  };
}

export interface RunResult {
  ok: boolean;
  output: string;
}

/** Runs the plan's command; its output goes to `log` line by line as it comes. */
export function runInstall(step: { command: string; args: string[] }, log: (line: string) => void, timeoutMs = 600_000): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(step.command, step.args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const output = `${String(stdout)}${String(stderr)}`;
      resolve({ ok: !error, output: error && !output.trim() ? error.message : output });
    });
    const forward = (chunk: Buffer | string): void => {
      for (const line of String(chunk).split(/\r?\n/)) if (line.trim()) log(line);
    };
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
  });
}

export function shellLine(command: string, args: readonly string[]): string {
  return [command, ...args].map(quote).join(" ");
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
