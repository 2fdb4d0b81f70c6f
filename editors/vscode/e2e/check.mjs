// Real VS Code (code-server) in Debian's Chromium, driven like a person with playwright-core:
//  0. the folder opens untrusted (Restricted Mode): gwlint lints, but ignores the project config;
//     trusting the folder restarts the server, which then honours it;
//  1. squiggles drawn, and the gwlint status-bar item shows the server running;
//  2. the Problems panel lists each code at the right Ln/Col (an emoji before a finding proves
//     UTF-16 columns); hovering shows the rule documentation;
//  3. a quick fix applied through the UI (Ctrl+.) changes the text;
//  4. the Outline shows the heading tree;
//  5. "gwlint: 显示规则文档" from the command palette opens a rule's documentation;
//  6. gwlint.interpreter set (in the settings editor) to a Python that reports 3.8: a clear
//     notification, and gwlint falls back to the Python on PATH.
// Screenshots (the extension README's images) go to $SHOTS.
//   CS_URL=http://127.0.0.1:PORT/?folder=/abs/ws SHOTS=dir USER_SETTINGS=.../settings.json \
//   OLD_PYTHON=/path/to/fake-python node check.mjs
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const url = process.env.CS_URL;
const shots = process.env.SHOTS || ".";
const userSettings = process.env.USER_SETTINGS;
const oldPython = process.env.OLD_PYTHON;
const file = "draft.txt";
// code -> "Ln, Col" as VS Code shows it (UTF-16 column + 1): line 4 starts with 😀 (2 units)
const EXPECTED = { WM001: "Ln 1, Col 1", PH001: "Ln 4, Col 4", PU001: "Ln 4, Col 16", HD001: "Ln 12, Col 1" };

const t0 = performance.now();
const log = (...a) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "gwlint-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1500, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = browser.pages()[0] ?? (await browser.newPage());
page.on("pageerror", (e) => log("pageerror:", e.message));
const failures = [];
const check = (cond, what) => {
  if (cond) {
    log("ok:", what);
  } else {
    failures.push(what);
    log("FAIL:", what);
  }
  return cond;
};
const waitFor = (fn, arg, ms, what) => page.waitForFunction(fn, arg, { timeout: ms }).then(() => check(true, what), (e) => {
  log(String(e.message).split("\n")[0]);
  return check(false, what);
});

async function palette(command, pick) {
  await page.keyboard.press("Control+Shift+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ timeout: 10_000 });
  await input.fill(">" + command);
  await page.locator(".quick-input-list .monaco-list-row").filter({ hasText: pick ?? command }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press("Enter");
}

/** The gwlint status-bar item's accessible label ("gwlint: …"). */
const statusLabel = () => page.evaluate(() =>
  [...document.querySelectorAll(".statusbar-item [aria-label], .statusbar-item[aria-label]")]
    .map((e) => e.getAttribute("aria-label")).find((l) => l && l.startsWith("gwlint:")) ?? "");

/** Problems panel rows: "message / gwlint / CODE / [Ln x, Col y]" → {code: "Ln x, Col y"}. */
function parseProblems(text) {
  const lines = text.split("\n").map((l) => l.trim());
  const out = {};
  lines.forEach((l, i) => {
    if (/^[A-Z]{2}\d{3}$/.test(l) && lines[i - 1] === "gwlint") {
      const pos = lines.slice(i + 1, i + 3).find((x) => /^\[Ln \d+, Col \d+\]$/.test(x));
      if (pos) {
        (out[l] ??= []).push(pos.slice(1, -1));
      }
    }
  });
  return out;
}

const explorerRow = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
const squiggleCount = () => page.evaluate(() =>
  document.querySelectorAll(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info").length);

try {
  await page.goto(url);
  await explorerRow(file).waitFor({ timeout: 90_000 });
  log("workbench ready");

  // 0. the folder opens untrusted (Restricted Mode): gwlint runs, but ignores the project
  //    config, which silences PH001 in trust-check.txt; trusting the folder restarts it with it
  await explorerRow("trust-check.txt").click();
  await waitFor(() => document.querySelectorAll(".monaco-editor .squiggly-warning").length >= 1, null, 90_000,
    "untrusted folder: PH001 shown (project config not read)");
  await waitFor(() => [...document.querySelectorAll(".statusbar-item [aria-label], .statusbar-item[aria-label]")]
    .some((e) => (e.getAttribute("aria-label") || "").includes("工作区不受信任")), null, 10_000,
    "status bar: untrusted workspace noted");
  await palette("Workspaces: Manage Workspace Trust");
  const trustButton = page.locator(".workspace-trust-editor .monaco-button").filter({ hasText: /^Trust/ }).first();
  await trustButton.waitFor({ timeout: 15_000 });
  await trustButton.click();
  // the trust editor is a modal (VS Code 1.139): close it, back to the file
  await page.locator(".monaco-modal-editor-block .action-label[aria-label^='Close'], .monaco-modal-editor-block .codicon-close").first().click();
  await page.locator(".monaco-modal-editor-block").waitFor({ state: "detached", timeout: 10_000 });
  await explorerRow("trust-check.txt").click();
  await waitFor(() => document.querySelectorAll(".monaco-editor .squiggly-warning").length === 0
    && [...document.querySelectorAll(".statusbar-item [aria-label], .statusbar-item[aria-label]")]
      .some((e) => (e.getAttribute("aria-label") || "").startsWith("gwlint: gwlint 语言服务器运行中")
        && !(e.getAttribute("aria-label") || "").includes("不受信任")), null, 30_000,
    "trusted folder: project config honoured (PH001 silenced in trust-check.txt)");
  await palette("View: Close All Editors");

  const row = explorerRow(file);
  await row.click();
  await page.locator(`.tabs-container .tab[aria-label^="${file}"]`).waitFor({ timeout: 30_000 });
  log("editor open");

  // 1. squiggles drawn by the editor (one per finding on screen)
  await waitFor(() => document.querySelectorAll(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info").length >= 4,
    null, 90_000, "squiggles drawn");
  // the status-bar item shows the server state
  await waitFor(() => [...document.querySelectorAll(".statusbar-item [aria-label], .statusbar-item[aria-label]")]
    .some((e) => (e.getAttribute("aria-label") || "").startsWith("gwlint: gwlint 语言服务器运行中")), null, 10_000,
    "status bar: gwlint server running");
  log("status item:", JSON.stringify(await statusLabel()));

  // 2. Problems panel: each code at its Ln/Col
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+M");
  await page.waitForFunction((codes) => {
    const t = document.querySelector(".markers-panel")?.innerText || "";
    return codes.every((c) => t.includes(c));
  }, Object.keys(EXPECTED), { timeout: 30_000 }).catch(() => {});
  const problems = await page.locator(".markers-panel").innerText();
  log("problems panel:\n" + problems.replace(/^/gm, "    "));
  const rows = parseProblems(problems);
  for (const [code, where] of Object.entries(EXPECTED)) {
    check((rows[code] ?? []).includes(where), `${code} listed at ${where} (panel: ${JSON.stringify(rows[code] ?? [])})`);
  }
  check((await page.locator(".markers-panel").innerText()).includes("未填写的占位符"), "Problems panel shows the Chinese message");
  await page.screenshot({ path: path.join(shots, "screenshot-problems.png") });

  // hover over the placeholder: the rule's message and documentation
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").fill(":4:5");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+K");
  await page.keyboard.press("Control+I");
  await waitFor(() => [...document.querySelectorAll(".monaco-hover")].some((h) => h.innerText.includes("PH001")
    && h.innerText.includes("检查内容")), null, 15_000, "hover shows PH001 and its documentation");
  await page.screenshot({ path: path.join(shots, "screenshot-hover.png") });
  await page.keyboard.press("Escape");

  // 3. a quick fix applied through the UI: go to the half-width comma, Ctrl+., pick the fix
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").fill(":4:16");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+.");
  const fix = page.locator(".action-widget .monaco-list-row, .context-view .monaco-list-row").filter({ hasText: "PU001" }).first();
  await fix.waitFor({ timeout: 20_000 });
  log("quick fix menu:", JSON.stringify(await page.locator(".action-widget").first().innerText().catch(() => "")));
  await page.screenshot({ path: path.join(shots, "screenshot-quickfix.png") });
  await fix.click();
  await waitFor(() => (document.querySelector(".monaco-editor .view-lines")?.textContent || "").includes("材料，逾期"),
    null, 20_000, "quick fix changed the text (, → ，)");
  await waitFor(() => !(document.querySelector(".markers-panel")?.innerText || "").includes("PU001"), null, 20_000,
    "PU001 gone from the Problems panel after the fix");

  // 4. the Outline shows the heading tree
  await palette("Explorer: Focus on Outline View");
  await waitFor(() => {
    const t = [...document.querySelectorAll(".outline-pane .monaco-list-row, [id='outline'] .monaco-list-row")].map((e) => e.textContent).join("|");
    return ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、工作安排", "四、保障措施"].every((h) => t.includes(h));
  }, null, 30_000, "Outline shows the heading tree");
  await page.screenshot({ path: path.join(shots, "screenshot-outline.png") });

  // 5. rule documentation from the command palette (quick pick of the draft's codes)
  await page.locator(".monaco-editor .view-lines").first().click();
  await palette("gwlint: 显示规则文档", "显示规则文档");
  const pickRow = page.locator(".quick-input-list .monaco-list-row").filter({ hasText: "PH001" }).first();
  await pickRow.waitFor({ timeout: 10_000 });
  await pickRow.click();
  await waitFor(() => [...document.querySelectorAll(".tabs-container .tab")].some((t) => (t.getAttribute("aria-label") || "").startsWith("PH001.md"))
    && [...document.querySelectorAll(".monaco-editor .view-lines")].some((v) => v.textContent.includes("未填写的占位符")),
    null, 15_000, "rule documentation PH001 opened");

  // 6. a too-old interpreter in gwlint.interpreter: a clear notification, and a working fallback
  if (userSettings && oldPython) {
    // as a person would: Preferences: Open User Settings (JSON), add the setting, save
    const settings = JSON.parse(fs.readFileSync(userSettings, "utf8"));
    settings["gwlint.interpreter"] = [oldPython];
    await palette("Preferences: Open User Settings (JSON)");
    // (VS Code 1.139 opens it in a modal editor, not a tab)
    await page.waitForFunction(() => [...document.querySelectorAll(".monaco-editor.focused .view-lines")]
      .some((v) => v.textContent.includes("telemetryLevel")), null, { timeout: 15_000 });
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(JSON.stringify(settings, null, 2) + "\n");
    await page.keyboard.press("Control+S");
    await page.waitForTimeout(300);
    await page.keyboard.press("Escape");
    await waitFor(() => [...document.querySelectorAll(".notifications-toasts .notification-toast")]
      .some((t) => t.innerText.includes("版本过低") && t.innerText.includes("gwlint.interpreter")), null, 30_000,
      "notification: the configured Python is too old");
    const toast = await page.locator(".notifications-toasts .notification-toast").filter({ hasText: "版本过低" }).first().innerText();
    log("notification:", JSON.stringify(toast.split("\n").find((l) => l.includes("版本过低"))));
    await page.waitForTimeout(500);   // the toast slides in
    await page.screenshot({ path: path.join(shots, "screenshot-old-python.png") });
    await waitFor(() => [...document.querySelectorAll(".statusbar-item [aria-label], .statusbar-item[aria-label]")]
      .some((e) => (e.getAttribute("aria-label") || "").startsWith("gwlint: gwlint 语言服务器运行中")), null, 30_000,
      "server restarted with the fallback Python");
    await page.locator(`.tabs-container .tab[aria-label^="${file}"]`).click();
    await waitFor(() => document.querySelectorAll(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").length >= 3,
      null, 30_000, "diagnostics again after the restart");
  }
  log("status bar problems:", JSON.stringify(await page.locator("#status\\.problems").innerText().catch(() => "")));
} catch (e) {
  failures.push(String(e.message || e).split("\n")[0]);
  log("FAIL:", e.message);
} finally {
  if (failures.length) {
    await page.screenshot({ path: path.join(shots, "screenshot-failure.png") }).catch(() => {});
  }
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
log(failures.length ? `FAIL (${failures.length}): ${failures.join("; ")}` : "OK: gwlint works in a real VS Code");
process.exit(failures.length ? 1 : 0);
