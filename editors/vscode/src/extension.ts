// gwlint for VS Code: starts the gwlint language server (`python -m gwlint.lsp`, stdio) for
// plain text and Markdown documents, saved or untitled.
//
// By default (gwlint.importStrategy = useBundled) the server is the copy of gwlint carried in
// the .vsix (bundled/libs, pure Python), run as `python -S -m gwlint.lsp` with only that folder
// on PYTHONPATH: any Python >= 3.10 is enough, nothing needs pip install. fromEnvironment uses
// the gwlint installed in the chosen interpreter (bundled/libs last, as a fallback).
// In an untrusted workspace the extension ignores the interpreter settings and the Python
// extension, and the server runs with --isolated (no .gwlint.toml or other config is read).
import * as path from "path";
import * as vscode from "vscode";
import { ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind }
  from "vscode-languageclient/node";
import { Interpreter, findInterpreter, interpreterSetting, onPythonExtensionChange } from "./python";

const RULE_DOC_SCHEME = "gwlint-rule";
const RESTART_DELAY_MS = 1000;
const PYTHON_DOWNLOAD = "https://www.python.org/downloads/";
const LANGUAGES = ["plaintext", "markdown"];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let restartTimer: NodeJS.Timeout | undefined;
let starting: Promise<void> | undefined;
const shownWarnings = new Set<string>();
const ruleDocs = new Map<string, string>();
const ruleDocChanged = new vscode.EventEmitter<vscode.Uri>();

function settingsPayload(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration("gwlint");
  return {
    enable: cfg.get("enable", true),
    lint: { run: cfg.get("lint.run", "onType"), delay: cfg.get("lint.delay", 300) },
    fix: { unsafe: cfg.get("fix.unsafe", false) },
  };
}

type StatusKind = "disabled" | "starting" | "running" | "error";

function setStatus(kind: StatusKind, tooltip: string): void {
  const icon = { disabled: "$(circle-slash)", starting: "$(sync~spin)", running: "$(check)", error: "$(error)" }[kind];
  status.text = `${icon} gwlint`;
  status.tooltip = tooltip;
  status.accessibilityInformation = { label: `gwlint: ${tooltip}` };
  status.backgroundColor = kind === "error" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  status.show();
}

function isGwlintDocument(doc: vscode.TextDocument): boolean {
  return LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === "file" || doc.uri.scheme === "untitled");
}

async function warnOnce(message: string): Promise<void> {
  output.warn(message);
  if (shownWarnings.has(message)) {
    return;
  }
  shownWarnings.add(message);
  const choice = await vscode.window.showWarningMessage(message, "打开设置", "查看输出");
  if (choice === "打开设置") {
    void vscode.commands.executeCommand("workbench.action.openSettings", "gwlint.interpreter");
  } else if (choice === "查看输出") {
    output.show();
  }
}

async function noPython(tried: string[]): Promise<void> {
  const msg = "gwlint 需要 Python 3.10 或更高版本，但没有找到可用的 Python。" +
    "请安装 Python（python.org 或系统软件包管理器；Windows 安装时勾选“Add python.exe to PATH”），" +
    "或在设置 gwlint.interpreter 中填写 Python 的完整路径，然后运行“gwlint: 重启语言服务器”。";
  output.error(`${msg}\n尝试过：\n  ${tried.join("\n  ")}`);
  setStatus("error", "未找到 Python 3.10 或更高版本；点击查看详情");
  const choice = await vscode.window.showErrorMessage(msg, "下载 Python", "打开设置", "查看输出");
  if (choice === "下载 Python") {
    void vscode.env.openExternal(vscode.Uri.parse(PYTHON_DOWNLOAD));
  } else if (choice === "打开设置") {
    void vscode.commands.executeCommand("workbench.action.openSettings", "gwlint.interpreter");
  } else if (choice === "查看输出") {
    output.show();
  }
}

function serverCommand(context: vscode.ExtensionContext, py: Interpreter, strategy: string, trusted: boolean) {
  const bundled = context.asAbsolutePath(path.join("bundled", "libs"));
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUTF8: "1", PYTHONIOENCODING: "utf-8" };
  const args = [...py.args];
  if (strategy === "useBundled") {
    // -S: no site-packages, so only the bundled gwlint and its libraries are imported
    env.PYTHONPATH = bundled;
    args.push("-S");
  } else {
    env.PYTHONPATH = [process.env.PYTHONPATH, bundled].filter(Boolean).join(path.delimiter);
  }
  args.push("-m", "gwlint.lsp");
  if (!trusted) {
    args.push("--isolated");
  }
  return { command: py.command, args, env };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration("gwlint");
  if (!cfg.get("enable", true)) {
    setStatus("disabled", "gwlint 已停用（设置 gwlint.enable）");
    return;
  }
  setStatus("starting", "正在启动 gwlint 语言服务器……");
  const trusted = vscode.workspace.isTrusted;
  const search = await findInterpreter(vscode.window.activeTextEditor?.document.uri, trusted);
  output.info(`查找 Python：\n  ${search.tried.join("\n  ")}`);
  for (const w of search.warnings) {
    void warnOnce(search.found ? `${w}已改用 ${search.found.executable}（Python ${search.found.version}）。` : w);
  }
  const py = search.found;
  if (!py) {
    await noPython(search.tried);
    return;
  }
  const strategy = trusted ? cfg.get<string>("importStrategy", "useBundled") : "useBundled";
  const { command, args, env } = serverCommand(context, py, strategy, trusted);
  output.info(`启动：${command} ${args.join(" ")}（Python ${py.version}，${py.executable}，来自${py.source}；` +
    `${strategy === "useBundled" ? "使用扩展自带的 gwlint" : "使用该环境中的 gwlint"}）`);
  const serverOptions: ServerOptions = { command, args, options: { env }, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [{ scheme: "file", language }, { scheme: "untitled", language }]),
    outputChannel: output,
    initializationOptions: { settings: settingsPayload() },
    synchronize: trusted ? {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/.gwlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/gwlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/pyproject.toml"),
      ],
    } : undefined,
    middleware: {
      workspace: {
        // the server asks for section "gwlint": answer with the same shape as initializationOptions
        configuration: (params, token, next) => {
          const items = params.items.map((item) => (item.section === "gwlint" ? settingsPayload() : null));
          return items.every((x) => x !== null) ? items : next(params, token);
        },
      },
    },
  };
  const where = `Python ${py.version}（${py.executable}）` +
    (strategy === "useBundled" ? "，扩展自带的 gwlint" : "，该环境中的 gwlint") +
    (trusted ? "" : "\n工作区不受信任：不读取项目配置（.gwlint.toml）和解释器设置");
  const c = new LanguageClient("gwlint", "gwlint", serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (client !== c) {
      return;
    }
    if (e.newState === State.Running) {
      setStatus("running", `gwlint 语言服务器运行中\n${where}`);
    } else if (e.newState === State.Stopped) {
      setStatus("error", "gwlint 语言服务器已停止；运行“gwlint: 重启语言服务器”，或点击查看输出");
    }
  });
  try {
    await c.start();
  } catch (err) {
    const msg = `gwlint 语言服务器启动失败：${err instanceof Error ? err.message : err}`;
    output.error(msg);
    setStatus("error", msg);
    void vscode.window.showErrorMessage(`${msg}。详情见输出面板。`, "查看输出").then((x) => x && output.show());
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    await c.stop(2000).catch(() => undefined);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  if (restartTimer) {
    clearTimeout(restartTimer);
    restartTimer = undefined;
  }
  // one start at a time: a restart requested while starting waits for it
  await starting;
  starting = (async () => {
    await stop();
    await start(context);
  })();
  await starting;
}

function scheduleRestart(context: vscode.ExtensionContext): void {
  if (restartTimer) {
    clearTimeout(restartTimer);
  }
  restartTimer = setTimeout(() => void restart(context), RESTART_DELAY_MS);
}

function runningClient(): LanguageClient | undefined {
  if (client && client.state === State.Running) {
    return client;
  }
  void vscode.window.showWarningMessage("gwlint 语言服务器没有运行。", "查看输出").then((x) => x && output.show());
  return undefined;
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === "object" && d.code !== null ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

/** A rule code: the gwlint findings under the cursor first, then the others, or typed in. */
async function pickRule(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const type = "$(edit) 输入规则代码或规则名……";
  const items: vscode.QuickPickItem[] = [];
  if (editor) {
    const cursor = editor.selection.active;
    const diags = vscode.languages.getDiagnostics(editor.document.uri)
      .filter((d) => d.source === "gwlint" && codeOf(d))
      .sort((a, b) => Number(b.range.contains(cursor)) - Number(a.range.contains(cursor)));
    const seen = new Set<string>();
    for (const d of diags) {
      const code = codeOf(d)!;
      if (!seen.has(code)) {
        seen.add(code);
        items.push({ label: code, description: d.message });
      }
    }
  }
  if (items.length > 0) {
    items.push({ label: type });
    const picked = await vscode.window.showQuickPick(items, { placeHolder: "查看哪条规则的文档？", matchOnDescription: true });
    if (!picked || picked.label !== type) {
      return picked?.label;
    }
  }
  return vscode.window.showInputBox({ prompt: "规则代码或规则名，如 PH001 或 unfilled-placeholder" });
}

async function showRuleDoc(code?: unknown): Promise<void> {
  const c = runningClient();
  if (!c) {
    return;
  }
  const picked = typeof code === "string" && code ? code : await pickRule();
  if (!picked) {
    return;
  }
  try {
    const md = await c.sendRequest(ExecuteCommandRequest.type, { command: "gwlint.server.showRuleDoc", arguments: [picked.trim()] });
    // a read-only virtual document: not linted (not a file or untitled document), never "unsaved"
    const uri = vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${picked.trim()}.md` });
    ruleDocs.set(uri.toString(), String(md ?? ""));
    ruleDocChanged.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, "markdown");
    await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  } catch (err) {
    void vscode.window.showErrorMessage(`gwlint：${err instanceof Error ? err.message : err}`);
  }
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isGwlintDocument(editor.document)) {
    void vscode.window.showInformationMessage("gwlint：请先打开一个纯文本或 Markdown 稿件。");
    return;
  }
  const c = runningClient();
  if (c) {
    await c.sendRequest(ExecuteCommandRequest.type, { command: "gwlint.server.fixAll", arguments: [editor.document.uri.toString()] });
  }
}

async function learn(folder?: vscode.Uri): Promise<void> {
  let target = folder instanceof vscode.Uri ? folder : undefined;
  if (!target) {
    const folders = vscode.workspace.workspaceFolders ?? [];
    target = folders.length > 1 ? (await vscode.window.showWorkspaceFolderPick())?.uri : folders[0]?.uri;
  }
  if (!target) {
    void vscode.window.showInformationMessage("gwlint：请先打开一个存放本单位定稿的文件夹。");
    return;
  }
  const c = runningClient();
  if (!c) {
    return;
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "gwlint：正在从此文件夹的定稿学习本单位约定……" },
    () => c.sendRequest(ExecuteCommandRequest.type, { command: "gwlint.server.learn", arguments: [target!.toString()] }),
  ).then(undefined, (err) => vscode.window.showErrorMessage(`gwlint：学习失败：${err instanceof Error ? err.message : err}`));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("gwlint", { log: true });
  status = vscode.window.createStatusBarItem("gwlint.status", vscode.StatusBarAlignment.Right, 100);
  status.name = "gwlint";
  status.command = "gwlint.showOutput";
  context.subscriptions.push(output, status, ruleDocChanged);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, {
      onDidChange: ruleDocChanged.event,
      provideTextDocumentContent: (uri) => ruleDocs.get(uri.toString()) ?? "",
    }),
    vscode.commands.registerCommand("gwlint.restart", () => restart(context)),
    vscode.commands.registerCommand("gwlint.showOutput", () => output.show()),
    vscode.commands.registerCommand("gwlint.fixAll", fixAll),
    vscode.commands.registerCommand("gwlint.showRuleDoc", showRuleDoc),
    vscode.commands.registerCommand("gwlint.learn", learn),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (["gwlint.interpreter", "gwlint.importStrategy", "gwlint.enable"].some((s) => e.affectsConfiguration(s))) {
        scheduleRestart(context);
      } else if (e.affectsConfiguration("gwlint") && client) {
        void client.sendNotification("workspace/didChangeConfiguration", { settings: { gwlint: settingsPayload() } });
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => scheduleRestart(context)),
  );
  // the Python extension is optional; its interpreter matters only when gwlint.interpreter is empty
  void onPythonExtensionChange(() => {
    if (vscode.workspace.isTrusted && interpreterSetting().length === 0) {
      scheduleRestart(context);
    }
  }).then((d) => d && context.subscriptions.push(d));
  starting = start(context);
  await starting;
}

export async function deactivate(): Promise<void> {
  if (restartTimer) {
    clearTimeout(restartTimer);
  }
  await stop();
}
