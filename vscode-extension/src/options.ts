// Settings → the language server's initialization options (server/storyville/lsp/options.py).
// No `vscode` import: unit-tested under plain Node.

export interface StoryvilleSettings {
  package?: string | undefined;
  previewPort?: number | undefined;
  useSubinterpreters?: boolean | undefined;
}

export interface InitializationOptions {
  package?: string;
  previewPort: number;
  useSubinterpreters: boolean;
  /** The extension shows the preview in its own panel: the server must not open a browser. */
  showDocument: false;
}

export function initializationOptions(settings: StoryvilleSettings): InitializationOptions {
  const options: InitializationOptions = {
    previewPort: validPort(settings.previewPort),
    useSubinterpreters: settings.useSubinterpreters !== false,
    showDocument: false,
  };
  const pkg = settings.package?.trim();
  if (pkg) options.package = pkg;
  return options;
}

function validPort(port: unknown): number {
  return typeof port === "number" && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 0;
}

/** The settings whose change restarts the language server (openOnStart does not). */
export const RESTART_SETTINGS = [
  "storyville.interpreter",
  "storyville.package",
  "storyville.preview.port",
  "storyville.useSubinterpreters",
] as const;

/** The language server's command line, for a given interpreter. */
export function serverArgs(): string[] {
  return ["-m", "storyville", "lsp"];
}
