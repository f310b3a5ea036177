// What the status bar item says. No `vscode` import: unit-tested under plain Node.

import type { BuildFinished } from "./protocol";

/** What the status bar shows of a build: `storyville/buildFinished`, or a rebuild's answer. */
export type BuildOutcome = Pick<BuildFinished, "ok"> & Partial<BuildFinished>;

export type ServerState =
  | { kind: "stopped"; reason?: string }
  | { kind: "starting" }
  | { kind: "building"; message?: string }
  | { kind: "finished"; result: BuildOutcome }
  | { kind: "failed"; problem: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** The item's look: errors get the error background. */
  severity: "normal" | "warning" | "error";
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** What the status item says; `catalog` names the catalog built when the workspace has several. */
export function statusView(state: ServerState, catalog?: string): StatusView {
  const view = baseView(state);
  if (!catalog) return view;
  const name = truncate(catalog, 32);
  return {
    ...view,
    text: view.text.replace(/Storyville/, `Storyville (${name})`),
    tooltip: view.tooltip.replace(/^Storyville/, `Storyville (${catalog})`),
  };
}

function baseView(state: ServerState): StatusView {
  const suffix = " — click for the logs";
  switch (state.kind) {
    case "stopped":
      return { text: "$(circle-slash) Storyville", tooltip: `Storyville: ${state.reason ?? "not running"}${suffix}`, severity: "warning" };
    case "starting":
      return { text: "$(sync~spin) Storyville", tooltip: `Storyville: starting the language server${suffix}`, severity: "normal" };
    case "building":
      return { text: "$(sync~spin) Storyville: building…", tooltip: `Storyville: ${state.message ?? "building the catalog"}${suffix}`, severity: "normal" };
    case "failed":
      return { text: "$(error) Storyville", tooltip: `Storyville: ${state.problem}${suffix}`, severity: "error" };
    case "finished": {
      const r = state.result;
      const summary = r.summary ?? (r.ok ? "build ok" : "build failed");
      const failing = r.assertionsFailed ?? 0;
      if (r.ok && failing > 0) {
        // The site built; some stories' assertions fail: a warning, not an error.
        return { text: `$(warning) Storyville: ${failing} failing`, tooltip: `Storyville: ${summary}${suffix}`, severity: "warning" };
      }
      if (r.ok) {
        const time = formatDuration(r.durationMs);
        return { text: `$(check) Storyville${time ? ` ${time}` : ""}`, tooltip: `Storyville: ${summary}${suffix}`, severity: "normal" };
      }
      const errors = r.errors ?? [];
      const first = errors[0];
      const where = first?.file ? ` (${basename(first.file)}${first.line ? `:${first.line}` : ""})` : "";
      const what = errors.length > 1 ? plural(errors.length, "error") : first ? `${first.kind}${where}` : "build failed";
      return { text: `$(error) Storyville: ${truncate(what, 48)}`, tooltip: `Storyville: ${summary}${suffix}`, severity: "error" };
    }
  }
}

/**
 * What the output channel says of a build the server did not log itself: the errors of a
 * save stopped by a syntax error (mode "syntax-check", no build ran), one line each.
 */
export function buildLogLines(result: BuildOutcome): string[] {
  if (result.mode !== "syntax-check" || result.ok) return [];
  const errors = result.errors ?? [];
  if (!errors.length) return [`syntax check failed: ${result.summary ?? "no details"}`];
  return errors.map((e) => `syntax check failed: ${e.file ?? "?"}${e.line ? `:${e.line}` : ""}: ${e.kind}: ${e.message}`);
}

function basename(file: string): string {
  const parts = file.split(/[\\/]/);
  const name = parts.pop() ?? file;
  // stories.py says little on its own: keep the folder it is in.
  return name === "stories.py" && parts.length ? `${parts.pop()}/${name}` : name;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
