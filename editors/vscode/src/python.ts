// Finding a Python >= 3.10 to run the gwlint language server.
//
// Order: the gwlint.interpreter setting (trusted workspaces only), the interpreter selected in
// the Python extension when that extension is installed (optional, never a dependency), then
// python3 / python (py -3 / python on Windows) on PATH. An explicit setting that does not work
// is reported (the caller shows it) and the search goes on, so diagnostics still work.
import { execFile } from "child_process";
import * as os from "os";
import * as vscode from "vscode";

export const MIN_PYTHON = [3, 10] as const;

export interface Interpreter {
  command: string;
  args: string[];
  version: string;
  executable: string;
  source: string;
}

export interface Search {
  found?: Interpreter;
  /** what was tried, for the log and the "no Python" message */
  tried: string[];
  /** problems the user should hear about even when a fallback worked */
  warnings: string[];
}

const PYTHON_EXTENSION = "ms-python.python";

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 15000, windowsHide: true }, (err, stdout, stderr) =>
      err ? reject(new Error(String(stderr || err.message).trim())) : resolve(stdout.trim()));
  });
}

type Probe = { ok: true; version: string; executable: string } | { ok: false; error: string };

async function probe(argv: string[]): Promise<Probe> {
  const [command, ...args] = argv;
  try {
    const out = await run(command, [...args, "-c",
      "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)"]);
    const [version, executable] = out.split(/\r?\n/);
    if (!/^\d+\.\d+\.\d+$/.test(version ?? "")) {
      return { ok: false, error: `输出无法识别：${out.slice(0, 80)}` };
    }
    return { ok: true, version, executable: executable || command };
  } catch (err) {
    const msg = String((err as Error).message || err);
    return { ok: false, error: /ENOENT/.test(msg) ? "找不到该程序" : msg.split("\n")[0] };
  }
}

export function versionOk(version: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  return major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1]);
}

/** ${workspaceFolder}, ${userHome}, ${env:NAME} and a leading ~ in an interpreter setting. */
export function substitute(value: string, resource?: vscode.Uri): string {
  const folder = (resource && vscode.workspace.getWorkspaceFolder(resource)) ?? vscode.workspace.workspaceFolders?.[0];
  let out = value
    .replace(/\$\{userHome\}/g, os.homedir())
    .replace(/\$\{env:([^}]+)\}/g, (_, name: string) => process.env[name] ?? "");
  if (folder) {
    out = out.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
  }
  if (out === "~" || out.startsWith("~/") || out.startsWith("~\\")) {
    out = os.homedir() + out.slice(1);
  }
  return out;
}

/** The gwlint.interpreter setting as argv; a plain string is accepted too. */
export function interpreterSetting(resource?: vscode.Uri): string[] {
  const raw = vscode.workspace.getConfiguration("gwlint", resource).get<unknown>("interpreter");
  const list = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((x) => typeof x === "string") : [];
  return (list as string[]).map((x) => substitute(x.trim(), resource)).filter((x) => x.length > 0);
}

async function pythonExtensionApi(): Promise<any | undefined> {
  const ext = vscode.extensions.getExtension(PYTHON_EXTENSION);
  if (!ext) {
    return undefined;
  }
  try {
    return ext.isActive ? ext.exports : await ext.activate();
  } catch {
    return undefined;
  }
}

async function fromPythonExtension(resource?: vscode.Uri): Promise<string[] | undefined> {
  const api = await pythonExtensionApi();
  try {
    const env = api?.environments?.getActiveEnvironmentPath?.(resource);
    const resolved = env ? await api.environments.resolveEnvironment(env) : undefined;
    const exe = resolved?.executable?.uri?.fsPath ?? env?.path;
    return exe ? [exe] : undefined;
  } catch {
    return undefined;
  }
}

/** Calls back when the interpreter selected in the Python extension changes (if installed). */
export async function onPythonExtensionChange(callback: () => void): Promise<vscode.Disposable | undefined> {
  const api = await pythonExtensionApi();
  const event = api?.environments?.onDidChangeActiveEnvironmentPath;
  return typeof event === "function" ? event(() => callback()) : undefined;
}

export async function findInterpreter(resource: vscode.Uri | undefined, trusted: boolean): Promise<Search> {
  const tried: string[] = [];
  const warnings: string[] = [];
  const candidates: { argv: string[]; source: string }[] = [];
  const setting = interpreterSetting(resource);
  if (setting.length > 0) {
    if (trusted) {
      candidates.push({ argv: setting, source: "设置 gwlint.interpreter" });
    } else {
      tried.push(`${setting.join(" ")}（设置 gwlint.interpreter：工作区不受信任，未使用）`);
    }
  }
  if (trusted) {
    const fromExt = await fromPythonExtension(resource);
    if (fromExt) {
      candidates.push({ argv: fromExt, source: "Python 扩展选定的解释器" });
    }
  }
  const onPath = process.platform === "win32" ? [["py", "-3"], ["python"]] : [["python3"], ["python"]];
  for (const argv of onPath) {
    candidates.push({ argv, source: "PATH" });
  }
  for (const { argv, source } of candidates) {
    const shown = argv.join(" ");
    const result = await probe(argv);
    if (result.ok && versionOk(result.version)) {
      tried.push(`${shown}：Python ${result.version}`);
      return {
        found: { command: argv[0], args: argv.slice(1), version: result.version, executable: result.executable, source },
        tried, warnings,
      };
    }
    const why = result.ok ? `Python ${result.version}，版本过低（需要 ${MIN_PYTHON.join(".")} 或更高）` : result.error;
    tried.push(`${shown}：${why}`);
    if (source !== "PATH") {
      warnings.push(`${source}“${shown}”不可用：${why}。`);
    }
  }
  return { tried, warnings };
}
