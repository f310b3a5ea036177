// The VS Code side of storyville: starts `python -m storyville lsp`, shows the preview beside
// the editor and the build state in the status bar. The logic that needs no `vscode` lives in
// interpreter.ts, options.ts, webview.ts and status.ts (unit-tested under plain Node).
import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
} from "vscode-languageclient/node";
import { debounce } from "./debounce";
import { followAction, pageTarget, sourceRequest, targetPage, workspaceFile } from "./follow";
import {
  chooseInterpreter,
  describeSource,
  installCommand,
  type Interpreter,
  type ProbeOutcome,
  probeInterpreter,
  problemMessage,
} from "./interpreter";
import { CONFIGURATION_SECTION, initializationOptions, needsRestart, readSettings, serverArgs } from "./options";
import * as protocol from "./protocol";
import { buildLogLines, type ServerState, statusView } from "./status";
import { makeNonce, PREVIEW_VIEW_TYPE, previewHtml, restoredPage, showStoryArg, storyPageUrl } from "./webview";

const RUNNING_CONTEXT = "storyville.serverRunning";
const LOCKED_CONTEXT = "storyville.previewLocked";
const PAGE_KEY = "storyville.preview.page";
/** How long the cursor rests before the preview follows it. */
const FOLLOW_DELAY_MS = 300;
const PYTHON_EXTENSION = "ms-python.python";

let controller: Controller | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel("Storyville", { log: true });
  const status = vscode.window.createStatusBarItem("storyville.status", vscode.StatusBarAlignment.Left, 10);
  status.name = "Storyville";
  status.command = "storyville.showLogs";
  const preview = new PreviewPanel(
    (message) => output.info(message),
    (message) => void openSource(message, output),
    context.workspaceState,
  );
  controller = new Controller(output, status, preview);
  context.subscriptions.push(
    output,
    status,
    preview,
    controller,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
        // The webview's own state may lag (it is saved now and then): the page last shown.
        const page = preview.lastPage ?? restoredPage(state);
        output.info(`the preview panel is restored on ${page || "the front page"}`);
        preview.attach(panel, page);
      },
    }),
    vscode.commands.registerCommand("storyville.lockPreview", () => preview.setLocked(true)),
    vscode.commands.registerCommand("storyville.unlockPreview", () => {
      preview.setLocked(false);
      controller?.followActiveEditor();
    }),
    vscode.window.onDidChangeTextEditorSelection((event) => controller?.followSoon(event.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((editor) => editor && controller?.followSoon(editor)),
    vscode.commands.registerCommand("storyville.openPreview", () => controller?.openPreview()),
    vscode.commands.registerCommand("storyville.openPreviewInBrowser", () => controller?.openInBrowser()),
    vscode.commands.registerCommand("storyville.restartServer", () => controller?.restart("restart requested")),
    vscode.commands.registerCommand("storyville.showLogs", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Only a new interpreter needs a new server; the client's configuration sync sends the
      // rest to the running one (workspace/didChangeConfiguration), which applies them live.
      if (needsRestart((setting) => event.affectsConfiguration(setting))) {
        controller?.restartSoon("the interpreter setting changed");
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => controller?.restartSoon("workspace folders changed")),
  );
  status.show();
  void vscode.commands.executeCommand("setContext", LOCKED_CONTEXT, false);
  void controller.start();
}

/** `storyville.openSource` from the preview page: the file at its line, if it is the workspace's. */
async function openSource(message: unknown, output: vscode.LogOutputChannel): Promise<void> {
  const request = sourceRequest(message);
  if (!request) {
    output.warn(`the preview asked to open a source without a file: ${JSON.stringify(message)}`);
    return;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
  const file = workspaceFile(request.file, folders, (p) => fs.existsSync(p));
  if (!file) {
    output.warn(`the preview asked to open ${request.file}, not a file of the workspace folders: refused`);
    return;
  }
  const uri = vscode.Uri.file(file);
  const shown = vscode.window.visibleTextEditors;
  const column = shown.find((e) => e.document.uri.fsPath === file)?.viewColumn ?? shown[0]?.viewColumn ?? vscode.ViewColumn.One;
  const position = new vscode.Position(request.line - 1, 0);
  output.info(`opening ${file}:${request.line} from the preview`);
  await vscode.window.showTextDocument(uri, { viewColumn: column, selection: new vscode.Range(position, position) });
}

export async function deactivate(): Promise<void> {
  await controller?.shutdown();
  controller = undefined;
}

/** The Python extension's API, as far as it is used here (absent in code-server). */
interface PythonApi {
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): { id: string; path: string } | undefined;
    resolveEnvironment?(environment: { id: string; path: string }): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: {
    getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] | undefined } | undefined;
  };
}

class Controller implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private previewUrl: string | undefined;
  private autoOpened = false;
  private lifecycle: Promise<void> = Promise.resolve();
  private readonly restartDebounce = debounce(() => void this.restart(this.restartReason), 750);
  private readonly followDebounce = debounce(() => void this.follow(), FOLLOW_DELAY_MS);
  private followed: vscode.TextEditor | undefined;
  private restartReason = "settings changed";
  private pythonListener: vscode.Disposable | undefined;
  private disposed = false;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly status: vscode.StatusBarItem,
    private readonly preview: PreviewPanel,
  ) {
    this.setState({ kind: "stopped" });
  }

  dispose(): void {
    this.disposed = true;
    this.restartDebounce.cancel();
    this.followDebounce.cancel();
    this.pythonListener?.dispose();
  }

  // --- lifecycle (serialized: a restart waits for the start before it) ---------------------

  start(): Promise<void> {
    return this.enqueue(() => this.startNow());
  }

  restart(reason: string): Promise<void> {
    this.restartDebounce.cancel();
    return this.enqueue(async () => {
      this.log(`restarting the language server: ${reason}`);
      await this.stopNow();
      await this.startNow();
    });
  }

  /** Settings and interpreters change in bursts: restart once they settle. */
  restartSoon(reason: string): void {
    this.restartReason = reason;
    this.restartDebounce.trigger();
  }

  shutdown(): Promise<void> {
    this.restartDebounce.cancel();
    return this.enqueue(() => this.stopNow());
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const next = this.lifecycle.then(job).catch((error: unknown) => {
      this.log(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
    this.lifecycle = next;
    return next;
  }

  private async startNow(): Promise<void> {
    if (this.disposed) return;
    const folder = vscode.workspace.workspaceFolders?.[0];
    const config = vscode.workspace.getConfiguration("storyville", folder?.uri);
    this.setState({ kind: "starting" });
    const setting = config.get<string>("interpreter", "");
    const interpreter = chooseInterpreter({
      setting,
      pythonExtension: setting.trim() ? undefined : await this.pythonExtensionInterpreter(folder?.uri),
      workspaceFolder: folder?.uri.fsPath,
      home: os.homedir(),
    });
    this.log(`interpreter: ${interpreter.command} (${describeSource(interpreter.source)})`);
    const probe = await probeInterpreter(interpreter.command, folder?.uri.fsPath);
    this.log(probe.detail);
    if (probe.kind !== "ok") {
      this.setState({ kind: "failed", problem: problemMessage(probe, interpreter.source) });
      this.preview.setNotice(`The storyville language server is not running: ${probe.detail}.`);
      void this.reportProblem(probe, interpreter);
      return;
    }
    const options = initializationOptions(readSettings((key) => config.get(key)));
    this.log(`starting ${probe.executable ?? interpreter.command} ${serverArgs().join(" ")} with ${JSON.stringify(options)}`);
    // No `transport`: with TransportKind.stdio the client would append `--stdio` to the args.
    const serverOptions: ServerOptions = {
      command: probe.executable ?? interpreter.command,
      args: serverArgs(),
      options: { cwd: folder?.uri.fsPath, env: { ...process.env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: "file", language: "python" }],
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions: options,
      synchronize: { configurationSection: CONFIGURATION_SECTION },
      middleware: {
        handleWorkDoneProgress: (_token, params, next) => {
          if (params.kind === "begin" || params.kind === "report") {
            this.setState({ kind: "building", message: params.message });
          }
          next(_token, params);
        },
        executeCommand: (command, args, next) => {
          // The "Preview" code lens: the server would open a browser; here it is the panel.
          if (command === protocol.commands.showStory) return this.showStory(args);
          if (command === protocol.commands.rebuild) this.setState({ kind: "building", message: "rebuilding the catalog" });
          return next(command, args);
        },
      },
    };
    const client = new LanguageClient("storyville", "Storyville", serverOptions, clientOptions);
    client.onNotification(protocol.preview, (params) => {
      if (this.client === client && typeof params?.url === "string") this.onPreview(params.url);
    });
    client.onNotification(protocol.buildFinished, (result) => {
      if (this.client !== client) return;
      for (const line of buildLogLines(result)) this.output.error(line);
      this.setState({ kind: "finished", result });
    });
    client.onDidChangeState((event) => {
      if (this.client !== client) return;
      void vscode.commands.executeCommand("setContext", RUNNING_CONTEXT, event.newState === State.Running);
      if (event.newState === State.Stopped) this.setState({ kind: "stopped", reason: "the language server stopped" });
    });
    this.client = client;
    try {
      await client.start();
      this.log("language server running");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.setState({ kind: "failed", problem: `the language server did not start: ${message}` });
      const choice = await vscode.window.showErrorMessage(`Storyville: the language server did not start: ${message}`, "Show Logs");
      if (choice) this.output.show(true);
    }
  }

  private async stopNow(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.previewUrl = undefined;
    if (client) {
      try {
        await client.dispose(3000); // shutdown + exit; the process is killed if it lingers
      } catch (error) {
        this.log(`stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.setState({ kind: "stopped" });
    void vscode.commands.executeCommand("setContext", RUNNING_CONTEXT, false).then(undefined, () => undefined);
  }

  // --- interpreter ------------------------------------------------------------------------

  private async pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
    const extension = vscode.extensions.getExtension<PythonApi>(PYTHON_EXTENSION);
    if (!extension) return undefined;
    try {
      const api = extension.isActive ? extension.exports : await extension.activate();
      const environments = api?.environments;
      if (environments?.onDidChangeActiveEnvironmentPath && !this.pythonListener) {
        this.pythonListener = environments.onDidChangeActiveEnvironmentPath(() => {
          const setting = vscode.workspace.getConfiguration("storyville", resource).get<string>("interpreter", "");
          if (!setting.trim()) this.restartSoon("the Python extension's interpreter changed");
        });
      }
      const active = environments?.getActiveEnvironmentPath?.(resource);
      if (active) {
        const resolved = await environments?.resolveEnvironment?.(active);
        return resolved?.executable?.uri?.fsPath ?? active.path;
      }
      return api?.settings?.getExecutionDetails?.(resource)?.execCommand?.[0];
    } catch (error) {
      this.log(`the Python extension gave no interpreter: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private async reportProblem(probe: ProbeOutcome, interpreter: Interpreter): Promise<void> {
    const install = "Install storyville…";
    const select = "Select Interpreter";
    const logs = "Show Logs";
    const actions = probe.kind === "no-storyville" ? [install, select, logs] : [select, logs];
    const choice = await vscode.window.showErrorMessage(problemMessage(probe, interpreter.source), ...actions);
    if (choice === logs) {
      this.output.show(true);
    } else if (choice === select) {
      const python = vscode.extensions.getExtension(PYTHON_EXTENSION);
      if (python && interpreter.source !== "setting") {
        await vscode.commands.executeCommand("python.setInterpreter");
      } else {
        await vscode.commands.executeCommand("workbench.action.openSettings", "storyville.interpreter");
      }
    } else if (choice === install) {
      const folder = vscode.workspace.workspaceFolders?.[0];
      const terminal = vscode.window.createTerminal({ name: "Install storyville", cwd: folder?.uri });
      terminal.show();
      terminal.sendText(installCommand(probe), false); // shown, not run: the user presses Enter
      const restart = await vscode.window.showInformationMessage(
        "Storyville: press Enter in the terminal to install storyville into this interpreter, then restart the server.",
        "Restart Server",
      );
      if (restart) await this.restart("storyville installed");
    }
  }

  // --- preview and status -----------------------------------------------------------------

  private onPreview(url: string): void {
    this.previewUrl = url; // the server logged it ("preview at …")
    this.preview.setUrl(url);
    if (!this.autoOpened) {
      this.autoOpened = true;
      const openOnStart = vscode.workspace.getConfiguration("storyville").get<boolean>("preview.openOnStart", true);
      if (openOnStart && !this.preview.isOpen) this.preview.show(true);
    }
    this.followActiveEditor();
  }

  async openPreview(): Promise<void> {
    this.autoOpened = true;
    this.preview.show(false);
    if (!this.previewUrl) {
      const url = await this.askPreviewUrl();
      if (url) this.onPreview(url);
    }
    this.followActiveEditor();
  }

  followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    if (editor) this.followSoon(editor);
  }

  /** `storyville.showStory`: the story's page in the preview panel; answers with its URL. */
  async showStory(args: unknown[]): Promise<protocol.ShowStoryResult> {
    const story = showStoryArg(args);
    if (!story) {
      this.log(`${protocol.commands.showStory}: no page in ${JSON.stringify(args)}`);
      return null;
    }
    const root = this.previewUrl ?? (await this.askPreviewUrl());
    if (!root) {
      const choice = await vscode.window.showWarningMessage("Storyville: there is no preview yet (is the language server running?).", "Show Logs");
      if (choice) this.output.show(true);
      return null;
    }
    let url: string;
    try {
      url = storyPageUrl(root, story.page);
    } catch (error) {
      this.log(`${protocol.commands.showStory} ${story.title}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
    this.autoOpened = true;
    if (!this.previewUrl) this.onPreview(root);
    // The lens's page wins over the cursor's: a follow still waiting or asking is dropped.
    this.followDebounce.cancel();
    this.followed = undefined;
    this.log(`showing ${story.title} (${story.page})`);
    this.preview.showPage(story.page);
    return url;
  }

  // --- the preview follows the editor -----------------------------------------------------

  /** The cursor moved or another editor came up: follow it once it rests. */
  followSoon(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme !== "file" || editor.document.languageId !== "python") return;
    if (!this.preview.isOpen || this.preview.locked) return;
    this.followed = editor;
    this.followDebounce.trigger();
  }

  private async follow(): Promise<void> {
    const editor = this.followed;
    const client = this.client;
    if (!editor || !client || client.state !== State.Running || !this.preview.isOpen || this.preview.locked) return;
    const arg: protocol.PageForArg = {
      uri: client.code2ProtocolConverter.asUri(editor.document.uri),
      line: editor.selection.active.line,
    };
    let result: protocol.PageForResult;
    try {
      result = await client.sendRequest(ExecuteCommandRequest.type, { command: protocol.commands.pageFor, arguments: [arg] });
    } catch (error) {
      this.log(`${protocol.commands.pageFor}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (editor !== this.followed || this.client !== client) return; // the cursor moved on
    const target = pageTarget(result);
    const action = followAction(this.preview.locked, this.preview.page, target);
    if (!target || action === "none") return;
    this.log(`the preview follows ${vscode.workspace.asRelativePath(editor.document.uri)}:${arg.line + 1} to ${targetPage(target)}`);
    this.preview.navigate(targetPage(target), action === "scroll");
  }

  async openInBrowser(): Promise<void> {
    const url = this.previewUrl ?? (await this.askPreviewUrl());
    if (!url) {
      const choice = await vscode.window.showWarningMessage("Storyville: there is no preview yet (is the language server running?).", "Show Logs");
      if (choice) this.output.show(true);
      return;
    }
    await vscode.env.openExternal(await vscode.env.asExternalUri(vscode.Uri.parse(url)));
  }

  private async askPreviewUrl(): Promise<string | undefined> {
    const client = this.client;
    if (!client || client.state !== State.Running) return undefined;
    try {
      const url: protocol.PreviewUrlResult | undefined = await client.sendRequest(ExecuteCommandRequest.type, { command: protocol.commands.previewUrl, arguments: [] });
      return typeof url === "string" ? url : undefined;
    } catch {
      return undefined;
    }
  }

  private setState(state: ServerState): void {
    const view = statusView(state);
    this.status.text = view.text;
    this.status.tooltip = view.tooltip;
    this.status.backgroundColor =
      view.severity === "error"
        ? new vscode.ThemeColor("statusBarItem.errorBackground")
        : view.severity === "warning"
          ? new vscode.ThemeColor("statusBarItem.warningBackground")
          : undefined;
  }

  private log(message: string): void {
    this.output.info(message);
  }
}

/** The preview webview: one panel, beside the editor, restored after a window reload. */
class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private url: string | undefined;
  /** The page shown, relative to the preview's root ("": the catalog's front page). */
  private shown = "";
  private notice: string | undefined;
  private renders = 0;
  /** `url` as the webview reaches it, once rendered. */
  private external: { url: string; external: string } | undefined;
  private isLocked = false;

  constructor(
    private readonly log: (message: string) => void,
    private readonly onOpenSource: (message: unknown) => void,
    private readonly memory: vscode.Memento,
  ) {}

  /** The page shown last in this workspace, also before a window reload. */
  get lastPage(): string | undefined {
    return this.memory.get<string>(PAGE_KEY);
  }

  private setShown(page: string): void {
    this.shown = page;
    void this.memory.update(PAGE_KEY, page);
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  get page(): string {
    return this.shown;
  }

  get locked(): boolean {
    return this.isLocked;
  }

  /** Locked, the preview stays on its page while the cursor moves (the title bar's lock). */
  setLocked(locked: boolean): void {
    this.isLocked = locked;
    void vscode.commands.executeCommand("setContext", LOCKED_CONTEXT, locked);
    this.log(locked ? "the preview is locked: it stays on its page" : "the preview follows the editor");
  }

  /** Follows the editor to `page` (may end in `#story-N`): the frame navigates, no re-render. */
  navigate(page: string, scroll = false): void {
    if (!this.panel || !this.url) return;
    const external = this.external;
    let url: string | undefined;
    try {
      url = external && external.url === this.url ? storyPageUrl(external.external, page) : undefined;
    } catch (error) {
      this.log(`the preview stays: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.setShown(page);
    if (url) void this.panel.webview.postMessage({ type: "navigate", url, page, scroll });
    else void this.render();
  }

  show(preserveFocus: boolean): void {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      "Storyville Preview",
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] },
    );
    this.attach(panel);
  }

  /** A new panel, or one VS Code restored after a window reload. */
  attach(panel: vscode.WebviewPanel, page?: string): void {
    this.panel?.dispose();
    this.panel = panel;
    if (page !== undefined) this.setShown(page);
    panel.webview.options = { enableScripts: true, localResourceRoots: [] };
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (typeof message === "object" && message !== null && (message as { type?: unknown }).type === "openSource") this.onOpenSource(message);
    });
    void this.render();
  }

  /** Shows `page` (relative to the preview's root, already checked by storyPageUrl). */
  showPage(page: string): void {
    this.setShown(page);
    if (this.panel) void this.render();
    this.show(true); // a new panel renders as it attaches
  }

  setUrl(url: string): void {
    this.notice = undefined;
    if (url === this.url) return;
    this.url = url;
    void this.render();
  }

  /** Said in the panel while there is no preview (the server is not running). */
  setNotice(notice: string): void {
    this.url = undefined;
    this.notice = notice;
    void this.render();
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    const render = ++this.renders;
    // In a remote window or code-server the preview is reached through a forwarded port or
    // the editor's proxy (code-server: <origin>/proxy/PORT/); locally the URL is unchanged.
    const external = this.url ? (await vscode.env.asExternalUri(vscode.Uri.parse(this.url))).toString(true) : undefined;
    if (render !== this.renders || this.panel !== panel) return; // a newer render won
    if (external && external !== this.url) this.log(`the preview panel reaches ${this.url} as ${external}`);
    this.external = this.url && external ? { url: this.url, external } : undefined;
    let url = external;
    if (external && this.shown) {
      try {
        url = storyPageUrl(external, this.shown);
      } catch (error) {
        this.log(`the preview shows its front page: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    panel.webview.html = previewHtml({ url, nonce: makeNonce(), notice: this.notice, page: this.shown });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
