// Which Python runs `python -m storyville lsp`, and whether it can. No `vscode` import here:
// the unit tests run this module under plain Node.
import { execFile } from "node:child_process";
import * as path from "node:path";

export const MINIMUM_PYTHON: readonly [number, number] = [3, 14];

/** The oldest storyville release of this project: 0.1.x is another, older project of that name. */
export const MINIMUM_STORYVILLE: readonly [number, number] = [0, 2];

export type InterpreterSource = "setting" | "python-extension" | "picked" | "workspace-venv" | "found" | "path";

export interface Interpreter {
  command: string;
  source: InterpreterSource;
}

export interface InterpreterInputs {
  /** The `storyville.interpreter` setting (empty: not set). */
  setting?: string | undefined;
  /** The Python extension's active environment, when that extension is installed. */
  pythonExtension?: string | undefined;
  /** The interpreter picked with **Storyville: Select Interpreter**, remembered per workspace. */
  picked?: string | undefined;
  /** `.venv/bin/python` or `venv/bin/python` of the workspace folder, if there is one. */
  workspaceVenv?: string | undefined;
  /** The first workspace folder, for `${workspaceFolder}`. */
  workspaceFolder?: string | undefined;
  home: string;
}

/** Expands `~`, `${workspaceFolder}`, `${userHome}` and `${env:NAME}` in a setting's path. */
export function expandPath(
  value: string,
  workspaceFolder: string | undefined,
  home: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  let out = value.trim();
  if (out === "~" || out.startsWith("~/")) out = home + out.slice(1);
  out = out.replace(/\$\{(workspaceFolder|userHome|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (match, name, envName) => {
    if (name === "userHome") return home;
    if (name === "workspaceFolder") return workspaceFolder ?? match;
    return env[envName] ?? "";
  });
  // A relative path with a directory part is relative to the workspace, like VS Code's own.
  if (workspaceFolder && !path.isAbsolute(out) && out.includes("/")) out = path.join(workspaceFolder, out);
  return out;
}

/**
 * The setting, else the Python extension's environment, else the one picked in this workspace,
 * else the workspace's own `.venv`/`venv`, else `python3` on the PATH (source "path": the
 * caller looks for Python 3.14 interpreters and lets the user pick one).
 */
export function chooseInterpreter(inputs: InterpreterInputs): Interpreter {
  const setting = inputs.setting?.trim();
  if (setting) return { command: expandPath(setting, inputs.workspaceFolder, inputs.home), source: "setting" };
  const fromExtension = inputs.pythonExtension?.trim();
  if (fromExtension) return { command: fromExtension, source: "python-extension" };
  const picked = inputs.picked?.trim();
  if (picked) return { command: picked, source: "picked" };
  const venv = inputs.workspaceVenv?.trim();
  if (venv) return { command: venv, source: "workspace-venv" };
  return { command: "python3", source: "path" };
}

/** Where a workspace folder's own environment keeps its interpreter, most usual first. */
export function workspaceVenvCandidates(folder: string, platform: NodeJS.Platform = process.platform): string[] {
  const bin = platform === "win32" ? ["Scripts", "python.exe"] : ["bin", "python"];
  return [".venv", "venv"].map((name) => path.join(folder, name, ...bin));
}

export function describeSource(source: InterpreterSource): string {
  switch (source) {
    case "setting":
      return "the storyville.interpreter setting";
    case "python-extension":
      return "the Python extension's active environment";
    case "picked":
      return "the interpreter picked for this workspace";
    case "workspace-venv":
      return "the workspace's virtual environment";
    case "found":
      return "the only Python 3.14 found";
    case "path":
      return "python3 on the PATH";
  }
}

/**
 * Run by the candidate interpreter: prints one JSON line. Written so that any Python 3 can run
 * it (no f-strings), and imports storyville only on a new enough Python.
 */
export const PROBE_SCRIPT = [
  "import json, sys",
  "info = {'version': list(sys.version_info[:3]), 'executable': sys.executable, 'prefix': sys.prefix}",
  `if sys.version_info[:2] >= (${MINIMUM_PYTHON[0]}, ${MINIMUM_PYTHON[1]}):`,
  "    import importlib.util",
  "    info['pip'] = importlib.util.find_spec('pip') is not None",
  "    try:",
  "        from importlib.metadata import version",
  "        info['distribution'] = version('storyville')",
  "    except Exception:",
  "        pass",
  "    try:",
  "        import storyville",
  "        info['storyville'] = getattr(storyville, '__version__', '?')",
  "    except Exception as exc:",
  "        info['importError'] = '%s: %s' % (type(exc).__name__, exc)",
  "print(json.dumps(info))",
].join("\n");

export type ProbeKind = "ok" | "missing" | "too-old" | "no-storyville" | "wrong-storyville" | "broken";

export interface ProbeOutcome {
  kind: ProbeKind;
  command: string;
  /** "3.14.0" when known. */
  version?: string;
  executable?: string;
  storyvilleVersion?: string;
  /** The installed storyville distribution's version, also when it does not import. */
  distribution?: string;
  /** Whether `python -m pip` can run in this interpreter's environment. */
  pip?: boolean;
  /** `sys.prefix`: the environment (several paths may lead to one). */
  prefix?: string;
  /** What went wrong, for the logs. */
  detail: string;
}

export interface ProcessResult {
  error?: (Error & { code?: string | number | null }) | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** What the probe's run says about the interpreter. */
export function interpretProbe(command: string, result: ProcessResult): ProbeOutcome {
  const code = result.error?.code;
  if (code === "ENOENT" || code === "EACCES" || code === "ENOTDIR") {
    return { kind: "missing", command, detail: `cannot run ${command}: ${result.error?.message}` };
  }
  const line = result.stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.startsWith("{"))
    .pop();
  let info:
    | {
        version?: unknown;
        executable?: unknown;
        prefix?: unknown;
        storyville?: unknown;
        importError?: unknown;
        distribution?: unknown;
        pip?: unknown;
      }
    | undefined;
  if (line) {
    try {
      info = JSON.parse(line);
    } catch {
      info = undefined;
    }
  }
  const version = info && Array.isArray(info.version) ? info.version.map(Number) : undefined;
  if (!info || !version || version.length < 2 || version.some((n) => !Number.isFinite(n))) {
    // Python 2 (a syntax error on print/json), a crash, or not Python at all.
    const said = (result.stderr || result.stdout || result.error?.message || "").trim().split(/\r?\n/).slice(-3).join(" ");
    return { kind: "broken", command, detail: `${command} is not a working Python 3: ${said || `exit code ${result.exitCode}`}` };
  }
  const text = version.join(".");
  const executable = typeof info.executable === "string" ? info.executable : command;
  const base = { command, version: text, executable, ...(typeof info.prefix === "string" ? { prefix: info.prefix } : {}) };
  if (!atLeast(version, MINIMUM_PYTHON)) {
    return { ...base, kind: "too-old", detail: `${executable} is Python ${text}; storyville needs Python ${MINIMUM_PYTHON.join(".")}+` };
  }
  const distribution = typeof info.distribution === "string" ? info.distribution : undefined;
  const installed = { ...base, pip: info.pip === true, ...(distribution ? { distribution } : {}) };
  if (distribution && isOtherProject(distribution)) {
    return {
      ...installed,
      kind: "wrong-storyville",
      detail: `${executable} has storyville ${distribution}, the older project of that name, not this one (${MINIMUM_STORYVILLE.join(".")}+)`,
    };
  }
  if (typeof info.storyville !== "string") {
    const why = typeof info.importError === "string" ? info.importError : "import failed";
    return { ...installed, kind: "no-storyville", detail: `storyville is not importable with ${executable} (${why})` };
  }
  return { ...installed, kind: "ok", storyvilleVersion: info.storyville, detail: `${executable}: Python ${text}, storyville ${info.storyville}` };
}

/** Storyville 0.1.x (on the public package index under the same name) is a different project. */
export function isOtherProject(distribution: string): boolean {
  const [major, minor] = distribution.split(".").map((part) => Number.parseInt(part, 10));
  if (major === undefined || minor === undefined || !Number.isFinite(major) || !Number.isFinite(minor)) return false;
  return !atLeast([major, minor], MINIMUM_STORYVILLE);
}

function atLeast(version: number[], minimum: readonly [number, number]): boolean {
  const [major = 0, minor = 0] = version;
  return major > minimum[0] || (major === minimum[0] && minor >= minimum[1]);
}

/** Runs the probe with the interpreter. */
export function probeInterpreter(command: string, cwd?: string, timeoutMs = 20_000): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    execFile(
      command,
      ["-c", PROBE_SCRIPT],
      { cwd, timeout: timeoutMs, windowsHide: true, encoding: "utf8", env: { ...process.env, PYTHONIOENCODING: "utf-8" } },
      (error, stdout, stderr) => {
        const exitCode = error && typeof error.code === "number" ? error.code : error ? null : 0;
        resolve(interpretProbe(command, { error, exitCode, stdout: String(stdout), stderr: String(stderr) }));
      },
    );
  });
}

/** The notification shown for an interpreter that cannot run the language server. */
export function problemMessage(outcome: ProbeOutcome, source: InterpreterSource): string {
  const from = `(from ${describeSource(source)})`;
  switch (outcome.kind) {
    case "ok":
      return "";
    case "missing":
      return `Storyville: the Python interpreter "${outcome.command}" ${from} was not found. Storyville needs Python ${MINIMUM_PYTHON.join(".")} or newer.`;
    case "too-old":
      return `Storyville needs Python ${MINIMUM_PYTHON.join(".")} or newer; "${outcome.command}" ${from} is Python ${outcome.version}.`;
    case "no-storyville":
      return `Storyville is not installed in "${outcome.executable ?? outcome.command}" ${from}. Install it there or pick another interpreter.`;
    case "wrong-storyville":
      return `"${outcome.executable ?? outcome.command}" ${from} has storyville ${outcome.distribution}: that is the older project of the same name, not this one. Install this extension's storyville there or pick another interpreter.`;
    case "broken":
      return `Storyville: "${outcome.command}" ${from} is not a working Python 3 interpreter.`;
  }
}
