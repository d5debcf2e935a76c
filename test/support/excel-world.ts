/**
 * The world of the Excel tests: two assignments with registered feedback (one ledger of several rows), the office
 * and an organisation contact signed in, and helpers to export, read workbooks, upload files and run dry runs.
 * Shared by excel.test.ts (exports) and ledger-import.test.ts; the bindings are live, read after setupExcelWorld.
 */
import ExcelJS from "exceljs";
import { expect } from "vitest";
import { createTestApp, login, newUser, type Client, type TestApp } from "./app.ts";
import { newAssignment, newOrg, newRound, newTeam } from "./factories.ts";

export let t: TestApp;
export let office: Client;
export let contactA: Client;
export let assignmentA: string;
export let assignmentB: string;
export let officeId: string;

export interface Row {
  id: string;
  seqLabel: string;
  text: string;
  orgName: string;
  measures: string | null;
  deadline: string | null;
  responsibleLeader: string | null;
  problemText: string;
  status: string;
  version: number;
}
export interface Job {
  id: string;
  status: string;
  total: number;
  processed: number;
  failure: string | null;
  columns: Array<{ index: number; letter: string; header: string }>;
  mapping: Record<string, number>;
  dryRun: DryRun | null;
  errors: ImportError[];
}
export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}
export interface DryRun {
  creates: Array<{
    row: number;
    seqLabel: string;
    problem: string;
    text: string;
    deadline: string | null;
    problemId: string | null;
  }>;
  changes: Array<{ row: number; id: string; fields: Array<{ field: string; before: string | null; after: string }> }>;
  unchanged: number;
  errors: ImportError[];
}

export async function ledger(c: Client, assignmentId = assignmentA): Promise<Row[]> {
  const res = await c.get(`/api/ledger?assignmentId=${assignmentId}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items as Row[];
}

export async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** The header row's texts → column numbers. */
export function headerColumns(ws: ExcelJS.Worksheet, headerRow = 2): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(headerRow).eachCell((c, n) => out.set(String(c.value), n));
  return out;
}

/** Data rows of a sheet: row number → cell by header. */
export function dataRows(ws: ExcelJS.Worksheet, headerRow = 2) {
  const cols = headerColumns(ws, headerRow);
  const rows: Array<{ n: number; get: (h: string) => ExcelJS.CellValue; set: (h: string, v: ExcelJS.CellValue) => void }> = [];
  ws.eachRow((r, n) => {
    if (n <= headerRow) return;
    rows.push({ n, get: (h) => r.getCell(cols.get(h)!).value, set: (h, v) => (r.getCell(cols.get(h)!).value = v) });
  });
  return rows;
}

export async function exportLedger(c: Client, query: string) {
  const res = await t.app.inject({ method: "GET", url: `/api/ledger/export.xlsx?${query}`, headers: { cookie: c.cookie } });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return { res, wb: await workbookOf(res.rawPayload) };
}

export function multipart(fileName: string, content: Buffer) {
  const boundary = "----xuncha" + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file, waits for the background parse, returns the parsed job. */
export async function upload(
  c: Client,
  wb: ExcelJS.Workbook | Buffer,
  assignmentId = assignmentA,
  fileName = "整改台账.xlsx",
): Promise<Job> {
  const content = Buffer.isBuffer(wb) ? wb : Buffer.from(await wb.xlsx.writeBuffer());
  const m = multipart(fileName, content);
  const res = await t.app.inject({
    method: "POST",
    url: `/api/imports?assignmentId=${assignmentId}`,
    headers: { cookie: c.cookie, "content-type": m.contentType },
    payload: m.body,
  });
  expect(res.statusCode, res.body).toBe(200);
  const { id } = res.json() as { id: string };
  for (let i = 0; i < 200; i++) {
    const job = (await c.get(`/api/imports/${id}`)).json() as Job;
    if (job.status !== "parsing") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("parse did not finish");
}

export async function dryRun(c: Client, job: Job, mapping = job.mapping): Promise<DryRun> {
  const res = await c.post(`/api/imports/${job.id}/dry-run`, { mapping });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DryRun;
}

export async function auditCount(action: string): Promise<number> {
  const r = await t.ctx.db.execute(`select count(*)::int as n from audit_entries where action = '${action}'`);
  return Number((r as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);
}

/** Builds the world on a fresh app: call from beforeAll, and close `t` in afterAll. */
export async function setupExcelWorld(): Promise<void> {
  t = await createTestApp();
  const orgA = await newOrg(t.ctx, "县住房和城乡建设局党组");
  const orgB = await newOrg(t.ctx, "某乡镇党委", "township");
  officeId = (await newUser(t.ctx, "office1", ["office_staff"], "巡察办甲")).id;
  await newUser(t.ctx, "contactA", [{ role: "org_contact", orgId: orgA.id }], "住建局联络人");
  const round = await newRound(t.ctx);
  const team = await newTeam(t.ctx, round.id);
  assignmentA = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgA.id })).id;
  assignmentB = (await newAssignment(t.ctx, { roundId: round.id, teamId: team.id, orgId: orgB.id })).id;
  [office, contactA] = await Promise.all([login(t.app, "office1"), login(t.app, "contactA")]);
  const feedback = (id: string, aspects: unknown) =>
    office.post(`/api/assignments/${id}/feedback`, { feedbackDate: "2023-12-14", aspects });
  expect(
    (
      await feedback(assignmentA, [
        {
          title: "落实全面从严治党责任不够有力",
          problems: [
            { text: "城镇老旧小区改造推进缓慢", rows: [{ text: "改造项目开工率低" }, { text: "居民意见收集不充分" }] },
            { text: "建筑市场监管存在薄弱环节", rows: [{ text: "招投标监管不严" }] },
          ],
        },
      ])
    ).statusCode,
  ).toBe(200);
  expect((await feedback(assignmentB, [{ title: "基层党建薄弱", problems: [{ text: "三会一课不规范" }] }])).statusCode).toBe(200);
  // The contact fills two rows: a deadline and measures to carry through the export.
  const rows = await ledger(contactA);
  const first = rows.find((r) => r.seqLabel === "1.1")!;
  expect(
    (
      await contactA.patch(`/api/ledger/${first.id}`, {
        version: first.version,
        measures: "制定老旧小区改造攻坚方案",
        responsibleLeader: "刘芳",
        responsibleDepartment: "城建股",
        deadline: "2024-03-31",
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (await contactA.post(`/api/ledger/${first.id}/notes`, { noteDate: "2024-01-10", text: "已完成方案初稿" })).statusCode,
  ).toBe(200);
}
