// The preview follows the editor, and the preview leads back to the code: what the panel
// does with the server's `storyville.pageFor` answers and with the messages of the preview
// page. No `vscode` import: unit-tested under plain Node.
import * as path from "node:path";
import type { PageForResult } from "./protocol";

/** Where the preview should be: a subject's page and, maybe, one of its stories. */
export interface PageTarget {
  page: string;
  story: number | null;
}

/** The server's `storyville.pageFor` answer ({@link PageForResult}), when it is one. */
export function pageTarget(result: PageForResult | unknown): PageTarget | undefined {
  if (typeof result !== "object" || result === null) return undefined;
  const { page, story } = result as Record<string, unknown>;
  if (typeof page !== "string" || !page) return undefined;
  const index = typeof story === "number" && Number.isInteger(story) && story >= 0 ? story : null;
  return { page, story: index };
}

/** `forms/button/index.html#story-2`: the subject page's anchor of the story (pages.py). */
export function targetPage(target: PageTarget): string {
  return target.story === null ? target.page : `${target.page}#story-${target.story}`;
}

/**
 * What following the cursor does: nothing while locked or when the preview is there already;
 * "scroll" when only the story differs (a fragment change: the page does not reload);
 * "navigate" to another page.
 */
export function followAction(locked: boolean, shown: string, wanted: PageTarget | undefined): "none" | "scroll" | "navigate" {
  if (locked || !wanted) return "none";
  const page = targetPage(wanted);
  if (page === shown) return "none";
  const [shownPath] = shown.split("#", 1);
  return shownPath === wanted.page ? "scroll" : "navigate";
}

/** `storyville.openSource` from the preview page: a file and a 1-based line. */
export interface SourceRequest {
  file: string;
  line: number;
}

/** The message's file and line, when it is an openSource message (else undefined). */
export function sourceRequest(message: unknown): SourceRequest | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { file, line } = message as Record<string, unknown>;
  if (typeof file !== "string" || !file || file.includes("\0")) return undefined;
  const number = typeof line === "number" && Number.isFinite(line) ? Math.max(1, Math.floor(line)) : 1;
  return { file: file.startsWith("file://") ? decodeURIComponent(new URL(file).pathname) : file, line: number };
}

/**
 * The absolute path of `file` when it is inside one of the workspace folders, else
 * undefined: the preview page may only open the workspace's own files. A relative path (the
 * story pages name files from the directory the catalog imports from) is taken from the
 * first of `bases` (the catalog's import root, e.g. `src/`), then of the folders, that has it.
 */
export function workspaceFile(
  file: string,
  folders: readonly string[],
  exists: (p: string) => boolean,
  bases: readonly string[] = [],
): string | undefined {
  const from = [...bases, ...folders];
  const candidates = path.isAbsolute(file) ? [path.resolve(file)] : from.map((base) => path.resolve(base, file));
  for (const candidate of candidates) {
    const inside = folders.some((folder) => {
      const relative = path.relative(path.resolve(folder), candidate);
      return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
    });
    if (inside && exists(candidate)) return candidate;
  }
  return undefined;
}

/** A key event the preview page forwarded, as the outer page re-dispatches it. */
export interface ForwardedKey {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  repeat: boolean;
}

/**
 * The key to re-dispatch in the webview for a `storyville.key` message, or null: only
 * shortcuts (a Ctrl, Cmd or Alt combo, or F1-F19), and not the ones the preview page handles
 * itself (copy, cut, paste, select all, undo, redo). Self-contained: the webview's script
 * embeds it as its source text.
 */
export function forwardedKey(message: unknown): ForwardedKey | null {
  if (typeof message !== "object" || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type !== "storyville.key" || typeof m.key !== "string" || m.key.length === 0 || m.key.length > 32) return null;
  const flag = (name: string): boolean => m[name] === true;
  const key: ForwardedKey = {
    key: m.key,
    code: typeof m.code === "string" ? m.code.slice(0, 32) : "",
    ctrlKey: flag("ctrlKey"),
    metaKey: flag("metaKey"),
    shiftKey: flag("shiftKey"),
    altKey: flag("altKey"),
    repeat: flag("repeat"),
  };
  const functionKey = /^F([1-9]|1[0-9])$/.test(key.key);
  if (!functionKey && !key.ctrlKey && !key.metaKey && !key.altKey) return null;
  const command = key.ctrlKey || key.metaKey;
  if (command && !key.altKey && /^[acvxyz]$/i.test(key.key)) return null;
  return key;
}
