// Settings → the language server's initialization options (server/storyville/lsp/options.py).
// No `vscode` import: unit-tested under plain Node.

export interface StoryvilleSettings {
  package?: string | undefined;
  previewPort?: number | undefined;
  useSubinterpreters?: boolean | undefined;
  withAssertions?: boolean | undefined;
  timeLimit?: number | undefined;
  memoryLimitMb?: number | undefined;
  logLevel?: string | undefined;
}

export interface InitializationOptions {
  package?: string;
  previewPort: number;
  useSubinterpreters: boolean;
  /** The extension shows the preview in its own panel: the server must not open a browser. */
  showDocument: false;
  withAssertions?: boolean;
  timeLimit?: number;
  memoryLimitMb?: number;
  logLevel?: string;
}

export const LOG_LEVELS = ["off", "error", "warning", "info", "log"] as const;

export function initializationOptions(settings: StoryvilleSettings): InitializationOptions {
  const options: InitializationOptions = {
    previewPort: validPort(settings.previewPort),
    useSubinterpreters: settings.useSubinterpreters !== false,
    showDocument: false,
  };
  const pkg = settings.package?.trim();
  if (pkg) options.package = pkg;
  if (typeof settings.withAssertions === "boolean") options.withAssertions = settings.withAssertions;
  if (typeof settings.timeLimit === "number" && Number.isFinite(settings.timeLimit) && settings.timeLimit > 0) {
    options.timeLimit = settings.timeLimit;
  }
  if (typeof settings.memoryLimitMb === "number" && Number.isInteger(settings.memoryLimitMb) && settings.memoryLimitMb >= 0) {
    options.memoryLimitMb = settings.memoryLimitMb;
  }
  if ((LOG_LEVELS as readonly string[]).includes(settings.logLevel ?? "")) options.logLevel = settings.logLevel;
  return options;
}

/** The settings as `getConfiguration("storyville").get` reads them. */
export function readSettings(get: (key: string) => unknown): StoryvilleSettings {
  const typed = <T>(key: string, kind: string): T | undefined => {
    const value = get(key);
    return typeof value === kind ? (value as T) : undefined;
  };
  return {
    package: typed<string>("package", "string"),
    previewPort: typed<number>("preview.port", "number"),
    useSubinterpreters: typed<boolean>("useSubinterpreters", "boolean"),
    withAssertions: typed<boolean>("withAssertions", "boolean"),
    timeLimit: typed<number>("timeLimit", "number"),
    memoryLimitMb: typed<number>("memoryLimitMb", "number"),
    logLevel: typed<string>("logLevel", "string"),
  };
}

function validPort(port: unknown): number {
  return typeof port === "number" && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 0;
}

/**
 * The settings whose change restarts the language server: only what starts a different
 * server. The rest reach the running server through the client's configuration sync
 * (`workspace/didChangeConfiguration`, section "storyville"), which applies them live or
 * says which need a restart (the package, the preview port).
 */
export const RESTART_SETTINGS = ["storyville.interpreter"] as const;

/** The section the language client keeps in sync with the server. */
export const CONFIGURATION_SECTION = "storyville";

/** Whether a configuration change restarts the server (`affects`: the event's test). */
export function needsRestart(affects: (setting: string) => boolean): boolean {
  return RESTART_SETTINGS.some((setting) => affects(setting));
}

/** The language server's command line, for a given interpreter. */
export function serverArgs(): string[] {
  return ["-m", "storyville", "lsp"];
}
