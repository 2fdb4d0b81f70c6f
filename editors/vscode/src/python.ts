// Finding a Python >= 3.10 to run the gwlint language server.
import { execFile } from "child_process";
import * as vscode from "vscode";

export interface Interpreter {
  command: string;
  args: string[];
  version: string;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 15000 }, (err, stdout) => (err ? reject(err) : resolve(stdout.trim())));
  });
}

async function probe(argv: string[]): Promise<Interpreter | undefined> {
  const [command, ...args] = argv;
  try {
    const out = await run(command, [...args, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]);
    return { command, args, version: out };
  } catch {
    return undefined;
  }
}

export function versionOk(version: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  return major > 3 || (major === 3 && minor >= 10);
}

async function fromPythonExtension(resource?: vscode.Uri): Promise<string[] | undefined> {
  // The Python extension is optional: use its selected interpreter only when it is installed.
  const ext = vscode.extensions.getExtension("ms-python.python");
  if (!ext) {
    return undefined;
  }
  try {
    const api: any = ext.isActive ? ext.exports : await ext.activate();
    const env = api?.environments?.getActiveEnvironmentPath?.(resource);
    const resolved = env ? await api.environments.resolveEnvironment(env) : undefined;
    const exe = resolved?.executable?.uri?.fsPath ?? env?.path;
    return exe ? [exe] : undefined;
  } catch {
    return undefined;
  }
}

/** The interpreter to use, in order: the gwlint.interpreter setting (trusted workspaces only),
 *  the Python extension's selection, python3 / python / py -3 on PATH. */
export async function findInterpreter(resource?: vscode.Uri): Promise<{ found?: Interpreter; tried: string[] }> {
  const tried: string[] = [];
  const candidates: string[][] = [];
  const setting = vscode.workspace.getConfiguration("gwlint", resource).get<string[]>("interpreter") ?? [];
  if (vscode.workspace.isTrusted && setting.length > 0) {
    candidates.push(setting);
  }
  const fromExt = vscode.workspace.isTrusted ? await fromPythonExtension(resource) : undefined;
  if (fromExt) {
    candidates.push(fromExt);
  }
  if (process.platform === "win32") {
    candidates.push(["py", "-3"], ["python"]);
  } else {
    candidates.push(["python3"], ["python"]);
  }
  for (const argv of candidates) {
    tried.push(argv.join(" "));
    const found = await probe(argv);
    if (found && versionOk(found.version)) {
      return { found, tried };
    }
    if (found) {
      tried[tried.length - 1] += ` (Python ${found.version}，版本过低)`;
    }
  }
  return { tried };
}
