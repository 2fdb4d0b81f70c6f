// Real VS Code (code-server) in Debian's Chromium, driven like a person with playwright-core:
// open a draft, see the squiggles, read the Problems panel (codes at the right Ln/Col, with an
// emoji before a finding to prove UTF-16 columns), apply a quick fix through the UI, and see
// the headings in the Outline. Screenshots go to $SHOTS.
//   CS_URL=http://127.0.0.1:PORT/?folder=/abs/ws SHOTS=dir node check.mjs
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const url = process.env.CS_URL;
const shots = process.env.SHOTS || ".";
const file = "draft.txt";
const log = (...a) => console.log(`[${(performance.now() / 1000).toFixed(1)}s]`, ...a);
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
const check = (cond, what) => { if (!cond) { failures.push(what); log("FAIL:", what); } else { log("ok:", what); } };

async function palette(command) {
  await page.keyboard.press("Control+Shift+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ timeout: 10_000 });
  await input.fill(">" + command);
  await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 10_000 });
  await page.keyboard.press("Enter");
}

try {
  await page.goto(url);
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${file}"]`).first();
  await row.waitFor({ timeout: 90_000 });
  await row.click();
  await page.locator(`.tabs-container .tab[aria-label^="${file}"]`).waitFor({ timeout: 30_000 });
  log("editor open");

  // 1. squiggles drawn by the editor
  await page.waitForFunction(() => document.querySelectorAll(".monaco-editor .squiggly-warning, .monaco-editor .squiggly-error").length >= 4,
    null, { timeout: 90_000 });
  check(true, "squiggles drawn");

  // 2. Problems panel: codes at the right Ln/Col (UTF-16: the emoji counts 2)
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+M");
  await page.waitForFunction(() => (document.querySelector(".markers-panel")?.innerText || "").includes("HD001"), null, { timeout: 30_000 });
  const problems = await page.locator(".markers-panel").innerText();
  log("problems panel:\n" + problems);
  for (const [code, where] of [["WM001", "Ln 1, Col 1"], ["PH001", "Ln 4, Col 4"], ["PU001", "Ln 4, Col 16"], ["HD001", "Ln 7, Col 1"]]) {
    const line = problems.split("\n").find((l) => l.includes(code)) ?? "";
    const near = problems.includes(code) && problems.includes(where);
    check(near, `${code} listed at ${where}`);
  }
  await page.screenshot({ path: path.join(shots, "screenshot-problems.png") });

  // 3. a quick fix applied through the UI: go to the half-width comma, Ctrl+., pick the fix
  await page.locator(".monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+G");
  await page.locator(".quick-input-widget input").fill(":4:16");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+.");
  const fix = page.locator(".action-widget .monaco-list-row, .context-view .monaco-list-row").filter({ hasText: "PU001" }).first();
  await fix.waitFor({ timeout: 20_000 });
  await page.screenshot({ path: path.join(shots, "screenshot-quickfix.png") });
  await fix.click();
  await page.waitForFunction(() => (document.querySelector(".monaco-editor .view-lines")?.textContent || "").includes("材料，逾期"),
    null, { timeout: 20_000 }).then(() => check(true, "quick fix changed the text"), () => check(false, "quick fix changed the text"));

  // 4. the Outline shows the heading tree
  await palette("Explorer: Focus on Outline View");
  await page.waitForFunction(() => {
    const t = [...document.querySelectorAll(".outline-pane .monaco-list-row, [id='outline'] .monaco-list-row")].map((e) => e.textContent).join("|");
    return t.includes("一、总体要求") && t.includes("四、保障措施");
  }, null, { timeout: 30_000 }).then(() => check(true, "outline shows the headings"), () => check(false, "outline shows the headings"));
  await page.screenshot({ path: path.join(shots, "screenshot-outline.png") });
  log("status bar:", JSON.stringify(await page.locator("#status\\.problems").innerText().catch(() => "")));
} catch (e) {
  failures.push(String(e.message || e));
  log("FAIL:", e.message);
  await page.screenshot({ path: path.join(shots, "screenshot-failure.png") }).catch(() => {});
} finally {
  await browser.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
log(failures.length ? `FAIL (${failures.length}): ${failures.join("; ")}` : "OK: gwlint works in a real VS Code");
process.exit(failures.length ? 1 : 0);
