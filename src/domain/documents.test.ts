import { describe, expect, it } from "vitest";
import {
  DEFAULT_TEMPLATES,
  DOCUMENT_KINDS,
  fillParagraphs,
  fillTemplate,
  isConfidentialExport,
  KIND_PLACEHOLDERS,
  PLACEHOLDERS,
  profileInputSchema,
  templateInputSchema,
  templateProblems,
} from "./documents.ts";

const blank = { title: "标题", opening: "", closing: "" };

describe("templates and their placeholders", () => {
  it("every default template uses only its kind's placeholders, and every listed placeholder is described", () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(templateProblems(kind, DEFAULT_TEMPLATES[kind]), kind).toEqual([]);
      for (const p of KIND_PLACEHOLDERS[kind]) expect(PLACEHOLDERS[p], `${kind} ${p}`).toBeTruthy();
    }
  });

  it("names an unknown placeholder and lists the ones the kind knows", () => {
    const problems = templateProblems("supervision_letter", { ...blank, opening: "请{{单位名车}}于{{回复期限}}前回复" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: "opening", text: "{{单位名车}}" });
    expect(problems[0]!.message).toMatch(/^模板中有未知的占位符“\{\{单位名车\}\}”，可用的占位符：\{\{单位名称\}\}、/);
    expect(problems[0]!.message).toContain("{{回复期限}}");
  });

  it("refuses a placeholder of another kind: a ledger knows no reply deadline", () => {
    const [p] = templateProblems("ledger", { ...blank, closing: "{{回复期限}}" });
    expect(p?.message).toContain("未知的占位符“{{回复期限}}”");
    expect(p?.field).toBe("closing");
  });

  it("names each unknown placeholder once, per field", () => {
    const problems = templateProblems("ledger", { title: "{{甲}}{{甲}}", opening: "{{乙}}", closing: "" });
    expect(problems.map((p) => p.text)).toEqual(["{{甲}}", "{{乙}}"]);
  });

  it("refuses braces that do not pair up", () => {
    for (const text of ["{{单位名称}", "{单位名称}}", "{{单位名称}}}", "单位{名称", "名称}"]) {
      const problems = templateProblems("feedback_opinion", { ...blank, opening: text });
      expect(problems.length, text).toBeGreaterThan(0);
      expect(problems.at(-1)!.message, text).toContain("花括号不成对");
    }
    expect(templateProblems("feedback_opinion", { ...blank, opening: "{{单位名称}}{{巡察组}}" })).toEqual([]);
  });

  it("fills placeholders, leaving unknown or missing ones empty, and splits paragraphs dropping empty ones", () => {
    expect(fillTemplate("{{单位名称}}：请于{{回复期限}}前回复{{ 事由 }}", { 单位名称: "县财政局", 事由: "。" })).toBe(
      "县财政局：请于前回复。",
    );
    expect(fillParagraphs("第一段{{单位名称}}\n\n{{方案说明}}\r\n  第三段 ", { 单位名称: "甲" })).toEqual(["第一段甲", "第三段"]);
  });
});

describe("confidentiality", () => {
  it("marks every export confidential but the public announcement", () => {
    expect(isConfidentialExport("announcement", "public")).toBe(false);
    expect(isConfidentialExport("announcement", "internal")).toBe(true);
    for (const k of DOCUMENT_KINDS.filter((k) => k !== "announcement")) expect(isConfidentialExport(k, null), k).toBe(true);
  });
});

describe("input", () => {
  it("requires a title and keeps an empty number prefix as none", () => {
    expect(templateInputSchema.safeParse({ title: " " }).success).toBe(false);
    expect(templateInputSchema.parse({ title: "甲", numberPrefix: "" }).numberPrefix).toBeNull();
    expect(templateInputSchema.safeParse({ title: "甲", numberPrefix: "县巡〔督〕" }).success).toBe(false);
  });

  it("requires the authority mark and the signature", () => {
    const r = profileInputSchema.safeParse({ authority: "", signature: "" });
    expect(r.success).toBe(false);
    expect(profileInputSchema.parse({ authority: "甲", signature: "乙", contactPhone: "" }).contactPhone).toBeNull();
  });
});
