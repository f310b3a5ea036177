// storyville's own additions to LSP, declared once as typed messages (as rust-analyzer's
// lsp_ext.ts does). The server declares the same names in server/storyville/lsp/protocol.py;
// test/protocol.test.ts reads that file and fails when the two sides differ. No method or
// server command name is written anywhere else in the extension.
//
// No `vscode` import (unit-tested under plain Node): the message types come from
// vscode-languageserver-protocol, the package vscode-languageclient re-exports them from.
import { NotificationType } from "vscode-languageserver-protocol";

// --- notifications, server → client ---------------------------------------------------------

/** `storyville/preview` (PREVIEW): the preview's URL, once it is listening. */
export interface PreviewParams {
  url: string;
}
export const preview = new NotificationType<PreviewParams>("storyville/preview");

/** One error of a build, as `ErrorSummary.to_json` sends it. */
export interface ErrorSummary {
  kind: string;
  message: string;
  file: string | null;
  line: number | null;
}

/** `storyville/buildFinished` (BUILD_FINISHED): `BuildFinished.to_json`, key for key. */
export interface BuildFinished {
  ok: boolean;
  build: number;
  mode: "full" | "partial" | "none" | "syntax-check" | (string & {});
  summary: string;
  durationMs: number;
  pagesChanged: number;
  stories: number;
  assertionsPassed: number;
  assertionsFailed: number;
  errors: ErrorSummary[];
}
export const buildFinished = new NotificationType<BuildFinished>("storyville/buildFinished");

// --- commands (`workspace/executeCommand`) --------------------------------------------------

/** The server's commands; vscode-languageclient registers each as a VS Code command. */
export const commands = {
  /** REBUILD: a full rebuild. No arguments; answers with {@link RebuildResult}. */
  rebuild: "storyville.rebuild",
  /** PREVIEW_URL: no arguments; answers with {@link PreviewUrlResult}. */
  previewUrl: "storyville.previewUrl",
  /**
   * SHOW_STORY: the command of the "Preview" code lens, arguments {@link ShowStoryArgs}. The
   * server opens the page with `window/showDocument`; in VS Code the extension runs it itself
   * and shows the page in its preview panel. Answers with {@link ShowStoryResult}.
   */
  showStory: "storyville.showStory",
  /**
   * PAGE_FOR: the page the preview follows for a cursor, arguments {@link PageForArgs};
   * answers with {@link PageForResult}.
   */
  pageFor: "storyville.pageFor",
  /** CATALOGS: no arguments; answers with {@link CatalogsResult}. */
  catalogs: "storyville.catalogs",
} as const;

/** The build's payload, or `{ok: false, summary: "no catalog"}` before there is a catalog. */
export type RebuildResult = BuildFinished | { ok: false; summary: string };

/** The preview's URL, or null while there is none. */
export type PreviewUrlResult = string | null;

/** One story or subject: its page relative to the preview's root URL, and its path of titles. */
export interface ShowStoryArg {
  /** e.g. "forms/button/0.html" (relative, no `..`). */
  page: string;
  /** e.g. "Forms › Button › Primary". */
  title: string;
}
export type ShowStoryArgs = [ShowStoryArg];

/** The URL the story was opened at, or null when it was not. */
export type ShowStoryResult = string | null;

/** A document and a 0-based line in it (the cursor's). */
export interface PageForArg {
  uri: string;
  line: number;
}
export type PageForArgs = [PageForArg];

/**
 * The subject's page (relative to the preview's root) and the story under the cursor (its
 * index; null: the subject itself), or null when the file makes no page.
 */
export type PageForResult = { page: string; story: number | null } | null;

/** A catalog found in the workspace folders: its package and the directory it imports from. */
export interface FoundCatalog {
  package: string;
  root: string;
}

/** The catalogs found, and the one the server builds (null while it builds none). */
export interface CatalogsResult {
  active: string | null;
  catalogs: FoundCatalog[];
}
