// The VS Code side of storyville: starts `python -m storyville lsp`, shows the preview beside
// the editor and the build state in the status bar. The logic that needs no `vscode` lives in
// the other modules (interpreter, discovery, install, catalogs, options, webview, status,
// follow), unit-tested under plain Node.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  ExecuteCommandRequest,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
} from "vscode-languageclient/node";
import { catalogDecision, catalogItems, catalogLabel } from "./catalogs";
import { debounce } from "./debounce";
import { autoChoice, candidatePaths, type PickItem, pickItems } from "./discovery";
import { followAction, pageTarget, sourceRequest, targetPage, workspaceFile } from "./follow";
import { bundledWheel, findUv, installPlan, runInstall, WHEEL_DIR, wheelVersion } from "./install";
import {
  chooseInterpreter,
  describeSource,
  type Interpreter,
  type ProbeOutcome,
  probeInterpreter,
  problemMessage,
  workspaceVenvCandidates,
} from "./interpreter";
import { CONFIGURATION_SECTION, initializationOptions, needsRestart, readSettings, serverArgs } from "./options";
import * as protocol from "./protocol";
import { buildLogLines, type ServerState, statusView } from "./status";
import { makeNonce, PREVIEW_VIEW_TYPE, previewHtml, restoredPage, showStoryArg, storyPageUrl } from "./webview";

const RUNNING_CONTEXT = "storyville.serverRunning";
const LOCKED_CONTEXT = "storyville.previewLocked";
const PAGE_KEY = "storyville.preview.page";
/** Per workspace: the interpreter picked with Select Interpreter, and the catalog picked. */
const PICKED_INTERPRETER_KEY = "storyville.interpreter.picked";
const CATALOG_KEY = "storyville.catalog";
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
    (message) => void openSource(message, output, controller?.importRoots ?? []),
    context.workspaceState,
  );
  controller = new Controller(output, status, preview, context);
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
    vscode.commands.registerCommand("storyville.selectInterpreter", () => controller?.selectInterpreter()),
    vscode.commands.registerCommand("storyville.selectCatalog", () => controller?.selectCatalog()),
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
async function openSource(message: unknown, output: vscode.LogOutputChannel, roots: readonly string[]): Promise<void> {
  const request = sourceRequest(message);
  if (!request) {
    output.warn(`the preview asked to open a source without a file: ${JSON.stringify(message)}`);
    return;
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
  const file = workspaceFile(request.file, folders, (p) => fs.existsSync(p), roots);
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

/**
 * Whether the `storyville.<key>` setting is set, so that a pick would change nothing; if it
 * is, says so (`message` of its value) with a button to the setting.
 */
async function settingDecides(key: string, message: (value: string) => string): Promise<boolean> {
  const value = vscode.workspace.getConfiguration("storyville").get<string>(key, "").trim();
  if (!value) return false;
  const choice = await vscode.window.showInformationMessage(message(value), "Open Setting");
  if (choice) await vscode.commands.executeCommand("workbench.action.openSettings", `storyville.${key}`);
  return true;
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
  private state: ServerState = { kind: "stopped" };
  /** The catalog built, named in the status item when the workspace holds several. */
  private catalog: string | undefined;
  /** Where the catalog built imports from (the story pages name files from there). */
  importRoots: string[] = [];

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly status: vscode.StatusBarItem,
    private readonly preview: PreviewPanel,
    private readonly context: vscode.ExtensionContext,
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
    const interpreter = await this.chooseInterpreter(folder, config);
    this.log(`interpreter: ${interpreter.command} (${describeSource(interpreter.source)})`);
    const probe = await probeInterpreter(interpreter.command, folder?.uri.fsPath);
    this.log(probe.detail);
    if (probe.kind !== "ok") {
      this.setState({ kind: "failed", problem: problemMessage(probe, interpreter.source) });
      this.preview.setNotice(`The storyville language server is not running: ${probe.detail}.`);
      void this.reportProblem(probe, interpreter);
      return;
    }
    const settings = readSettings((key) => config.get(key));
    const picked = this.context.workspaceState.get<string>(CATALOG_KEY);
    const options = initializationOptions({ ...settings, package: settings.package?.trim() || picked });
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
      void this.checkCatalog(client, settings.package);
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

  /** The setting, the Python extension's, the picked one, the workspace's venv, else a search. */
  private async chooseInterpreter(folder: vscode.WorkspaceFolder | undefined, config: vscode.WorkspaceConfiguration): Promise<Interpreter> {
    const setting = config.get<string>("interpreter", "");
    const workspaceFolder = folder?.uri.fsPath;
    const chosen = chooseInterpreter({
      setting,
      pythonExtension: setting.trim() ? undefined : await this.pythonExtensionInterpreter(folder?.uri),
      picked: this.context.workspaceState.get<string>(PICKED_INTERPRETER_KEY),
      workspaceVenv: workspaceFolder ? workspaceVenvCandidates(workspaceFolder).find((p) => fs.existsSync(p)) : undefined,
      workspaceFolder,
      home: os.homedir(),
    });
    if (chosen.source !== "path") return chosen;
    // Nothing says which: look for Python 3.14 interpreters; one is taken, several are asked.
    const items = await this.findInterpreters();
    const choice = autoChoice(items);
    if (choice.kind === "none") return chosen;
    if (choice.kind === "one") return { command: choice.command, source: "found" };
    const picked = await this.pickInterpreter(items, "Storyville: several Python 3.14 interpreters were found; which one runs storyville?");
    return picked ? { command: picked, source: "picked" } : chosen;
  }

  private async findInterpreters(): Promise<PickItem[]> {
    const files = candidatePaths({
      pathEnv: process.env.PATH,
      home: os.homedir(),
      list: (dir) => {
        try {
          return fs.readdirSync(dir);
        } catch {
          return [];
        }
      },
    });
    this.log(`looking for Python 3.14 in ${files.length} places`);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const venvs = folder ? workspaceVenvCandidates(folder).filter((p) => fs.existsSync(p)) : [];
    const outcomes = await Promise.all([...venvs, ...files].map((file) => probeInterpreter(file, folder, 10_000)));
    return pickItems(outcomes);
  }

  /** The quick pick of interpreters; the choice is remembered for this workspace. */
  private async pickInterpreter(items: PickItem[], title: string): Promise<string | undefined> {
    const browse = { label: "$(folder) Enter interpreter path…", description: "", detail: "", command: "" };
    const choice = await vscode.window.showQuickPick([...items, browse], { title, placeHolder: "Python 3.14 or newer", ignoreFocusOut: true });
    if (!choice) return undefined;
    let command = choice.command;
    if (choice === browse) {
      command =
        (await vscode.window.showInputBox({ title: "Storyville: the Python interpreter's path", placeHolder: "/path/to/.venv/bin/python", ignoreFocusOut: true }))?.trim() ??
        "";
      if (!command) return undefined;
    }
    await this.context.workspaceState.update(PICKED_INTERPRETER_KEY, command);
    this.log(`interpreter picked for this workspace: ${command}`);
    return command;
  }

  /** **Storyville: Select Interpreter**: the Python extension's picker when it decides, else ours. */
  async selectInterpreter(): Promise<void> {
    if (await settingDecides("interpreter", (value) => `Storyville uses the storyville.interpreter setting (${value}). Clear it to pick another interpreter here.`)) {
      return;
    }
    if (vscode.extensions.getExtension(PYTHON_EXTENSION)) {
      await vscode.commands.executeCommand("python.setInterpreter");
      return;
    }
    const items = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: "Storyville: looking for Python 3.14" },
      () => this.findInterpreters(),
    );
    const picked = await this.pickInterpreter(items, "Storyville: the Python interpreter that runs storyville");
    if (picked) await this.restart("another interpreter was picked");
  }

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
    const wheel = this.wheel();
    const install = wheel ? `Install storyville ${wheelVersion(wheel)}` : "Install storyville…";
    const select = "Select Interpreter";
    const logs = "Show Logs";
    const installable = probe.kind === "no-storyville" || probe.kind === "wrong-storyville";
    const actions = installable ? [install, select, logs] : [select, logs];
    const choice = await vscode.window.showErrorMessage(problemMessage(probe, interpreter.source), ...actions);
    if (choice === logs) {
      this.output.show(true);
    } else if (choice === select) {
      if (interpreter.source === "setting") {
        await vscode.commands.executeCommand("workbench.action.openSettings", "storyville.interpreter");
      } else {
        await this.selectInterpreter();
      }
    } else if (choice === install) {
      await this.install(probe, wheel);
    }
  }

  /** The storyville wheel this .vsix carries (scripts/extension.sh puts it there). */
  private wheel(): string | undefined {
    const dir = path.join(this.context.extensionPath, WHEEL_DIR);
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir);
    } catch {
      names = [];
    }
    return bundledWheel(dir, names);
  }

  /** Installs the bundled wheel into the interpreter's environment, then restarts the server. */
  private async install(probe: ProbeOutcome, wheel: string | undefined): Promise<void> {
    const python = probe.executable ?? probe.command;
    const uv = findUv({ interpreterDir: path.dirname(python), pathEnv: process.env.PATH, home: os.homedir(), exists: (f) => fs.existsSync(f) });
    const plan = installPlan(probe, wheel, uv);
    if (plan.kind === "manual") {
      this.log(`cannot install storyville: ${plan.reason}; run: ${plan.display}`);
      const copy = "Copy Command";
      const choice = await vscode.window.showErrorMessage(
        `Storyville: cannot install storyville here: ${plan.reason}. Run this, then restart the server: ${plan.display}`,
        copy,
        "Show Logs",
      );
      if (choice === copy) await vscode.env.clipboard.writeText(plan.display);
      else if (choice) this.output.show(true);
      return;
    }
    this.log(`installing storyville: ${plan.display}`);
    this.setState({ kind: "building", message: `installing storyville with ${plan.tool}` });
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Storyville: installing storyville into ${python} with ${plan.tool}…` },
      () => runInstall(plan, (line) => this.output.info(`| ${line}`)),
    );
    if (!result.ok) {
      const last = result.output.trim().split(/\r?\n/).slice(-2).join(" ");
      this.log(`installing storyville failed: ${result.output.trim()}`);
      this.setState({ kind: "failed", problem: `installing storyville failed: ${last}` });
      const choice = await vscode.window.showErrorMessage(`Storyville: installing storyville failed: ${last}. The command was: ${plan.display}`, "Show Logs");
      if (choice) this.output.show(true);
      return;
    }
    this.log(`storyville installed into ${python}`);
    await this.restart("storyville was installed");
  }

  // --- catalogs ---------------------------------------------------------------------------

  private async catalogs(client: LanguageClient): Promise<protocol.CatalogsResult | undefined> {
    try {
      const found: protocol.CatalogsResult | null = await client.sendRequest(ExecuteCommandRequest.type, { command: protocol.commands.catalogs, arguments: [] });
      return found && Array.isArray(found.catalogs) ? found : undefined;
    } catch (error) {
      this.log(`${protocol.commands.catalogs}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** After a start: with several catalogs and none chosen, ask which (once per workspace). */
  private async checkCatalog(client: LanguageClient, setting: string | undefined): Promise<void> {
    const found = await this.catalogs(client);
    if (!found || this.client !== client) return;
    this.catalog = catalogLabel(found);
    this.importRoots = found.catalogs.filter((c) => c.package === found.active).map((c) => c.root);
    this.setState(this.state);
    const decision = catalogDecision({ setting, remembered: this.context.workspaceState.get<string>(CATALOG_KEY), found });
    switch (decision.kind) {
      case "keep":
        return;
      case "switch":
        await this.restart(`the catalog picked for this workspace is ${decision.package}`);
        return;
      case "forget":
        await this.context.workspaceState.update(CATALOG_KEY, undefined);
        this.log("the catalog picked for this workspace is gone");
        if (!decision.ask) {
          await this.restart("the catalog picked for this workspace is gone");
          return;
        }
        break;
      case "ask":
        break;
    }
    await this.pickCatalog(found, `Storyville: this workspace holds ${found.catalogs.length} catalogs; which one should it build?`);
  }

  /** **Storyville: Select Catalog**. */
  async selectCatalog(): Promise<void> {
    const client = this.client;
    const found = client && client.state === State.Running ? await this.catalogs(client) : undefined;
    if (!found) {
      const choice = await vscode.window.showWarningMessage("Storyville: the language server is not running, so no catalog can be picked.", "Show Logs");
      if (choice) this.output.show(true);
      return;
    }
    if (await settingDecides("package", (value) => `Storyville builds the catalog the storyville.package setting names (${value}). Clear it to pick another here.`)) {
      return;
    }
    if (!found.catalogs.length) {
      await vscode.window.showWarningMessage("Storyville: no catalog in this workspace (a package whose stories.py defines this_catalog()).");
      return;
    }
    await this.pickCatalog(found, "Storyville: the catalog to build");
  }

  private async pickCatalog(found: protocol.CatalogsResult, title: string): Promise<void> {
    const items = catalogItems(found, (p) => vscode.workspace.asRelativePath(p, false));
    const choice = await vscode.window.showQuickPick(items, { title, placeHolder: "a package whose stories.py defines this_catalog()", ignoreFocusOut: true });
    if (!choice) {
      this.log(`no catalog picked: building ${found.active ?? "none"}`);
      return;
    }
    await this.context.workspaceState.update(CATALOG_KEY, choice.package);
    this.log(`catalog picked for this workspace: ${choice.package}`);
    if (choice.package !== found.active) await this.restart(`the catalog ${choice.package} was picked`);
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
    this.state = state;
    const view = statusView(state, this.catalog);
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
