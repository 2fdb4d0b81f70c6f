// gwlint for VS Code: starts `python -m gwlint.lsp` over stdio for plain text and Markdown.
import * as path from "path";
import * as vscode from "vscode";
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from "vscode-languageclient/node";
import { findInterpreter } from "./python";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let restartTimer: NodeJS.Timeout | undefined;

function settingsPayload(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration("gwlint");
  return {
    enable: cfg.get("enable", true),
    lint: { run: cfg.get("lint.run", "onType"), delay: cfg.get("lint.delay", 300) },
    fix: { unsafe: cfg.get("fix.unsafe", false) },
  };
}

function setStatus(text: string, tooltip: string, error = false): void {
  status.text = text;
  status.tooltip = tooltip;
  status.backgroundColor = error ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  status.show();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration("gwlint");
  if (!cfg.get("enable", true)) {
    setStatus("$(circle-slash) gwlint", "gwlint 已停用（gwlint.enable）");
    return;
  }
  setStatus("$(sync~spin) gwlint", "正在启动 gwlint 语言服务器……");
  const { found, tried } = await findInterpreter();
  if (!found) {
    const msg = `gwlint 需要 Python 3.10 或更高版本，未找到可用的解释器（尝试了：${tried.join("；")}）。` +
      "请安装 Python（python.org 或系统软件包），或在设置 gwlint.interpreter 中指定解释器路径。";
    output.appendLine(msg);
    setStatus("$(error) gwlint", msg, true);
    const choice = await vscode.window.showErrorMessage(msg, "打开设置", "查看输出");
    if (choice === "打开设置") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "gwlint.interpreter");
    } else if (choice === "查看输出") {
      output.show();
    }
    return;
  }
  const bundled = context.asAbsolutePath(path.join("bundled", "libs"));
  const strategy = vscode.workspace.isTrusted ? cfg.get<string>("importStrategy", "useBundled") : "useBundled";
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUTF8: "1" };
  let args: string[];
  if (strategy === "useBundled") {
    // -S: the bundled gwlint and its libraries, not whatever the user's site-packages hold
    env.PYTHONPATH = bundled;
    args = [...found.args, "-S", "-m", "gwlint.lsp"];
  } else {
    env.PYTHONPATH = [process.env.PYTHONPATH, bundled].filter(Boolean).join(path.delimiter);
    args = [...found.args, "-m", "gwlint.lsp"];
  }
  output.appendLine(`启动：${found.command} ${args.join(" ")}（Python ${found.version}，${strategy}）`);
  const serverOptions: ServerOptions = { command: found.command, args, options: { env }, transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    outputChannel: output,
    initializationOptions: { settings: settingsPayload() },
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/.gwlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/gwlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/pyproject.toml"),
      ],
    },
    middleware: {
      workspace: {
        configuration: (params, token, next) => {
          const items = params.items.map((item) => (item.section === "gwlint" ? settingsPayload() : null));
          return items.every((x) => x !== null) ? items : next(params, token);
        },
      },
    },
  };
  client = new LanguageClient("gwlint", "gwlint", serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      setStatus("$(check) gwlint", `gwlint 语言服务器运行中（Python ${found.version}）`);
    } else if (e.newState === State.Stopped) {
      setStatus("$(error) gwlint", "gwlint 语言服务器已停止；运行“gwlint: 重启语言服务器”", true);
    }
  });
  try {
    await client.start();
  } catch (err) {
    const msg = `gwlint 语言服务器启动失败：${err}`;
    output.appendLine(msg);
    setStatus("$(error) gwlint", msg, true);
    void vscode.window.showErrorMessage(msg, "查看输出").then((c) => c && output.show());
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    await c.stop().catch(() => undefined);
  }
}

function scheduleRestart(context: vscode.ExtensionContext): void {
  if (restartTimer) {
    clearTimeout(restartTimer);
  }
  restartTimer = setTimeout(async () => {
    await stop();
    await start(context);
  }, 1000);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("gwlint", { log: true });
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.command = "gwlint.showOutput";
  context.subscriptions.push(output, status);
  context.subscriptions.push(
    vscode.commands.registerCommand("gwlint.restart", async () => {
      await stop();
      await start(context);
    }),
    vscode.commands.registerCommand("gwlint.showOutput", () => output.show()),
    vscode.commands.registerCommand("gwlint.fixAll", async () => {
      const editor = vscode.window.activeTextEditor;
      if (client && editor) {
        await client.sendRequest("workspace/executeCommand", { command: "gwlint.server.fixAll", arguments: [editor.document.uri.toString()] });
      }
    }),
    vscode.commands.registerCommand("gwlint.showRuleDoc", async (code?: string) => {
      if (!client) {
        return;
      }
      const picked = code ?? (await vscode.window.showInputBox({ prompt: "规则代码或规则名，如 PH001" }));
      if (!picked) {
        return;
      }
      try {
        const md = await client.sendRequest<string>("workspace/executeCommand", { command: "gwlint.server.showRuleDoc", arguments: [picked] });
        const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: md });
        await vscode.window.showTextDocument(doc, { preview: true });
      } catch (err) {
        void vscode.window.showErrorMessage(`${err}`);
      }
    }),
    vscode.commands.registerCommand("gwlint.learn", async (folder?: vscode.Uri) => {
      const target = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!client || !target) {
        return;
      }
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: "gwlint：正在学习本单位约定……" },
        () => client!.sendRequest("workspace/executeCommand", { command: "gwlint.server.learn", arguments: [target.toString()] }));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("gwlint.interpreter") || e.affectsConfiguration("gwlint.importStrategy") || e.affectsConfiguration("gwlint.enable")) {
        scheduleRestart(context);
      } else if (e.affectsConfiguration("gwlint") && client) {
        void client.sendNotification("workspace/didChangeConfiguration", { settings: { gwlint: settingsPayload() } });
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => scheduleRestart(context)),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
