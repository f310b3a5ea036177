// Finding Python 3.14 interpreters without the Python extension: the PATH and the places
// installers put them (uv, pyenv, the system's). No `vscode` import: unit-tested.
import * as path from "node:path";
import { isOtherProject, type ProbeOutcome } from "./interpreter";

export interface Places {
  pathEnv?: string | undefined;
  home: string;
  platform?: NodeJS.Platform;
  /** The names in a directory ([] when it is not there). */
  list: (dir: string) => string[];
}

const NAMES = ["python3.14", "python3", "python"];

/** Every file worth probing, in the order a user would expect them listed; not deduplicated by target. */
export function candidatePaths(places: Places): string[] {
  if ((places.platform ?? process.platform) === "win32") {
    return (places.pathEnv ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, "python.exe"));
  }
  const dirs = [
    ...(places.pathEnv ?? "").split(path.delimiter),
    path.join(places.home, ".local", "bin"),
    "/usr/local/bin",
    "/usr/bin",
    "/opt/homebrew/bin",
    ...versionDirs(places, path.join(places.home, ".local", "share", "uv", "python"), "cpython-3.", "bin"),
    ...versionDirs(places, path.join(places.home, ".pyenv", "versions"), "3.", "bin"),
    ...versionDirs(places, "/opt", "python3", "bin"),
  ].filter((d) => d && path.isAbsolute(d));
  const seen = new Set<string>();
  const files: string[] = [];
  for (const dir of dirs) {
    const names = new Set(places.list(dir));
    for (const name of NAMES) {
      const file = path.join(dir, name);
      if (names.has(name) && !seen.has(file)) {
        seen.add(file);
        files.push(file);
      }
    }
  }
  return files;
}

function versionDirs(places: Places, root: string, prefix: string, bin: string): string[] {
  return places
    .list(root)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .reverse()
    .map((name) => path.join(root, name, bin));
}

export interface PickItem {
  label: string;
  description: string;
  detail: string;
  /** The interpreter to use (the probed executable). */
  command: string;
}

/**
 * The quick pick's rows: one per environment (`sys.prefix`), Python 3.14+ only,
 * those with this storyville first.
 */
export function pickItems(outcomes: readonly ProbeOutcome[]): PickItem[] {
  const seen = new Set<string>();
  const rows: { item: PickItem; rank: number }[] = [];
  for (const outcome of outcomes) {
    if (!["ok", "no-storyville", "wrong-storyville"].includes(outcome.kind)) continue;
    const command = outcome.executable ?? outcome.command;
    const environment = `${outcome.prefix ?? command}\0${outcome.version ?? ""}`;
    if (seen.has(environment)) continue;
    seen.add(environment);
    const rank = outcome.kind === "ok" ? 0 : 1;
    rows.push({
      rank,
      item: { label: `Python ${outcome.version ?? "?"}`, description: command, detail: storyvilleDetail(outcome), command },
    });
  }
  return rows.sort((a, b) => a.rank - b.rank).map((r) => r.item);
}

function storyvilleDetail(outcome: ProbeOutcome): string {
  if (outcome.kind === "ok") return `storyville ${outcome.storyvilleVersion ?? ""}`.trim();
  if (outcome.distribution && isOtherProject(outcome.distribution)) {
    return `storyville ${outcome.distribution}: the older project of that name (Install offers this one)`;
  }
  return "storyville is not installed (Install offers it)";
}

/** What to do with the interpreters found, when nothing chose one. */
export function autoChoice(items: readonly PickItem[]): { kind: "none" } | { kind: "one"; command: string } | { kind: "ask" } {
  const [first] = items;
  if (first === undefined) return { kind: "none" };
  if (items.length === 1) return { kind: "one", command: first.command };
  return { kind: "ask" };
}
