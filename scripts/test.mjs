// npm test: runs each test suite as its own vitest run, then prints a summary table and one last line
// `Tests: N passed, N failed[, N skipped]`.
//
//   npm test                         all suites
//   npm test -- unit integration     only these (a name part selects: "integration" = both engines, "postgres")
//   npm test -- integration -- auth  everything after a second "--" goes to vitest (file filters, -t, ...)
//
// A suite that cannot run here (no PostgreSQL, no Chromium, no browser specs, no LibreOffice/poppler for the
// documents suite) is SKIPPED with the reason;
// with XUNCHA_REQUIRE_ALL=1 (CI) a skipped suite is a failure. A suite in which vitest found no tests fails:
// a run that ran nothing must not pass.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const vitestBin = path.join(root, "node_modules/vitest/vitest.mjs");
const CHROMIUM = "/usr/bin/chromium";
const DOCUMENT_TOOLS = [
  ["/usr/bin/soffice", "libreoffice-writer"],
  ["/usr/bin/pdftotext", "poppler-utils"],
  ["/usr/bin/pdfinfo", "poppler-utils"],
];
const requireAll = process.env.XUNCHA_REQUIRE_ALL === "1";

/** @typedef {{ name: string, project: string, env?: Record<string, string>, precheck?: () => Promise<string | null> }} Suite */
/** @type {Suite[]} */
const SUITES = [
  { name: "unit", project: "unit" },
  { name: "integration-pglite", project: "integration", env: { XUNCHA_TEST_DB: "pglite" } },
  { name: "integration-postgres", project: "integration", env: { XUNCHA_TEST_DB: "postgres" }, precheck: checkPostgres },
  { name: "documents", project: "documents", precheck: checkDocuments },
  { name: "browser", project: "browser", precheck: checkBrowser },
];

// ---- arguments --------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const dashes = argv.indexOf("--");
const selectors = dashes === -1 ? argv : argv.slice(0, dashes);
const vitestArgs = dashes === -1 ? [] : argv.slice(dashes + 1);

const matches = (suite, sel) => suite.name === sel || suite.name.split("-").includes(sel);
for (const sel of selectors) {
  if (!SUITES.some((s) => matches(s, sel))) {
    console.error(`Unknown suite "${sel}". Suites: ${SUITES.map((s) => s.name).join(", ")}.`);
    process.exit(2);
  }
}
const selected = selectors.length ? SUITES.filter((s) => selectors.some((sel) => matches(s, sel))) : SUITES;

// ---- prechecks --------------------------------------------------------------------------------

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/** Null when PostgreSQL at TEST_DATABASE_URL answers within 3 s, else why not. */
async function checkPostgres() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return "TEST_DATABASE_URL is not set";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 3000 });
  client.on("error", () => {});
  let timer;
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        await client.query("select 1");
      })(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 3 s")), 3000);
      }),
    ]);
    return null;
  } catch (e) {
    return `PostgreSQL at ${redact(url)} is not reachable: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    clearTimeout(timer);
    client.end().catch(() => {});
  }
}

function findSpecs(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...findSpecs(p));
    else if (e.name.endsWith(".spec.ts")) out.push(p);
  }
  return out;
}

/** Null when the browser suite can run: Chromium is installed and test/e2e has spec files. */
async function checkBrowser() {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
  } catch {
    return `${CHROMIUM} not found (apt-get install chromium)`;
  }
  if (findSpecs(path.join(root, "test/e2e")).length === 0) return "no browser tests found (no test/e2e/**/*.spec.ts files)";
  return null;
}

/** Null when the documents suite can run: LibreOffice converts the DOCX, poppler measures the PDFs. */
async function checkDocuments() {
  for (const [bin, pkg] of DOCUMENT_TOOLS) {
    try {
      fs.accessSync(bin, fs.constants.X_OK);
    } catch {
      return `${bin} not found (apt-get install ${pkg})`;
    }
  }
  return null;
}

// ---- running ----------------------------------------------------------------------------------

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "xuncha-test-report-"));
let current = null;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (current) current.kill(sig);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(130);
  });
}

function runVitest(project, env, reportFile) {
  const args = [
    vitestBin,
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${reportFile}`,
    ...vitestArgs,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...env },
    });
    current = child;
    child.on("error", (e) => {
      console.error(`Could not start vitest: ${e.message}`);
      current = null;
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function readReport(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * @typedef {{ name: string, result: "ok" | "FAILED" | "SKIPPED", passed: number | null, failed: number | null,
 *   skipped: number | null, seconds: number, note: string, skipReason?: string }} Outcome
 */

/** @returns {Promise<Outcome>} */
async function runSuite(suite, tmp) {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const banner = (text) => console.log(`\n${"=".repeat(100)}\n${text}\n${"=".repeat(100)}`);

  const why = suite.precheck ? await suite.precheck() : null;
  if (why) {
    banner(`Suite ${suite.name}: ${requireAll ? "NOT RUN, a failure under XUNCHA_REQUIRE_ALL=1" : "SKIPPED"} — ${why}`);
    const note = requireAll ? `not run (XUNCHA_REQUIRE_ALL=1): ${why}` : why;
    return {
      name: suite.name,
      result: requireAll ? "FAILED" : "SKIPPED",
      passed: null,
      failed: null,
      skipped: null,
      seconds: seconds(),
      note,
      skipReason: why,
    };
  }

  const envText = Object.entries(suite.env ?? {})
    .map(([k, v]) => ` ${k}=${v}`)
    .join("");
  banner(`Suite ${suite.name}: vitest run --project ${suite.project}${envText}`);
  const reportFile = path.join(tmp, `${suite.name}.json`);
  const code = await runVitest(suite.project, suite.env ?? {}, reportFile);
  const report = readReport(reportFile);
  if (!report) {
    return {
      name: suite.name,
      result: "FAILED",
      passed: null,
      failed: null,
      skipped: null,
      seconds: seconds(),
      note: `vitest wrote no report (exit code ${code})`,
    };
  }
  const passed = report.numPassedTests ?? 0;
  const failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const total = report.numTotalTests ?? 0;
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === "failed" && (f.assertionResults ?? []).every((a) => a.status !== "failed"),
  );

  const notes = [];
  const ran = passed + failed;
  if (total === 0) notes.push(suite.project === "browser" ? "no browser tests found" : "no tests found");
  else if (ran === 0) notes.push(`no tests ran (all ${total} skipped)`);
  if (failed > 0) notes.push(`${failed} test(s) failed`);
  if (brokenFiles.length > 0)
    notes.push(`${brokenFiles.length} file(s) failed to run: ${brokenFiles.map((f) => path.relative(root, f.name)).join(", ")}`);
  if (code !== 0 && notes.length === 0) notes.push(`vitest exited with code ${code} (unhandled error?)`);
  const ok = code === 0 && ran > 0 && failed === 0 && brokenFiles.length === 0 && report.success !== false;
  if (!ok && notes.length === 0) notes.push("vitest reported failure");
  return { name: suite.name, result: ok ? "ok" : "FAILED", passed, failed, skipped, seconds: seconds(), note: notes.join("; ") };
}

// ---- main -------------------------------------------------------------------------------------

/** @type {Outcome[]} */
const outcomes = [];
try {
  for (const suite of selected) outcomes.push(await runSuite(suite, tmp));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log("");
for (const o of outcomes.filter((o) => requireAll && o.skipReason)) {
  console.log(`XUNCHA_REQUIRE_ALL=1: suite ${o.name} did not run, which counts as a failure — ${o.skipReason}`);
}

const cell = (v) => (v === null ? "-" : String(v));
const rows = [
  ["Suite", "Result", "Passed", "Failed", "Skipped", "Seconds", "Note"],
  ...outcomes.map((o) => [o.name, o.result, cell(o.passed), cell(o.failed), cell(o.skipped), o.seconds.toFixed(1), o.note]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) =>
  r
    .map((c, i) => (i === r.length - 1 ? c : i >= 2 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
    .join("  ")
    .trimEnd();
console.log(line(rows[0]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows.slice(1)) console.log(line(r));
console.log("");

const sum = (k) => outcomes.reduce((n, o) => n + (o[k] ?? 0), 0);
const totalSkipped = sum("skipped");
console.log(`Tests: ${sum("passed")} passed, ${sum("failed")} failed${totalSkipped > 0 ? `, ${totalSkipped} skipped` : ""}`);

process.exit(outcomes.some((o) => o.result === "FAILED") ? 1 : 0);
