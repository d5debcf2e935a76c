import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, DOCUMENT_KINDS, defaultProfile, type DocumentKind } from "../../../domain/documents.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { composeAnnouncementDocument } from "./announcement.ts";
import { buildSample, withWatermark } from "./build.ts";
import { composeFeedbackOpinion } from "./feedback.ts";
import { composeLedger } from "./ledger.ts";
import { composeLetter, letterNumber } from "./letter.ts";
import type { Parts } from "./parts.ts";
import { approvalNote, composePlan } from "./plan.ts";
import { SAMPLE_FEEDBACK, SAMPLE_LEDGER, SAMPLE_PLAN, SAMPLE_SUMMARY, sampleAnnouncement, sampleLetter } from "./samples.ts";
import { composeRoundSummary } from "./summary.ts";

const profile = {
  ...defaultProfile("县委巡察办"),
  authority: "中共某县委巡察工作领导小组办公室",
  contactPerson: "李华",
  contactPhone: "0730-1234567",
};
const parts = (kind: DocumentKind, over: Partial<Parts["template"]> = {}): Parts => ({
  profile,
  template: { ...DEFAULT_TEMPLATES[kind], ...over },
  officeName: "县委巡察办",
  today: "2024-10-08",
});
const texts = (doc: OfficialDocument) =>
  doc.body.flatMap((b: Block) =>
    b.type === "heading" || b.type === "paragraph" ? [b.text] : b.type === "table" ? b.rows.map((r) => r.join("|")) : [],
  );

describe("the builders, on sample records", () => {
  it("every kind builds with its default template, leaving no placeholder unfilled", () => {
    for (const kind of DOCUMENT_KINDS) {
      const doc = buildSample(kind, "internal", parts(kind));
      expect(doc.kind).toBe(kind);
      expect(doc.title, kind).not.toMatch(/\{\{|\}\}/);
      expect(texts(doc).join("\n"), kind).not.toMatch(/\{\{|\}\}/);
      expect(doc.body.length, kind).toBeGreaterThan(0);
    }
  });

  it("feedback opinion: aspects 一、, problems （一） per aspect, refined rows numbered, signed by the team", () => {
    const doc = composeFeedbackOpinion(SAMPLE_FEEDBACK, parts("feedback_opinion"));
    expect(doc.title).toBe("县委第一巡察组关于巡察县自然资源局党组织的反馈意见");
    expect(doc.recipient).toBe("县自然资源局党组织：");
    expect(doc.authority).toBeUndefined();
    const headings = doc.body.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      "一、贯彻落实党中央决策部署和上级工作要求方面",
      "（一）落实耕地保护责任不够有力。",
      "二、落实全面从严治党责任方面",
      "（一）违反中央八项规定精神，违规发放津贴补贴。",
    ]);
    expect(texts(doc)).toContain("1.违法占用耕地问题整治进度滞后。");
    expect(texts(doc)).toContain("违规发放津贴补贴。");
    expect(texts(doc).join()).toContain("请于2024年7月3日前将整改方案报送县委巡察办");
    expect(doc.signature).toEqual({ issuer: "县委第一巡察组", date: "2024-06-12" });
  });

  it("letter: number = the template's prefix + 〔year〕n号; the rows; reply deadline; contacts in the notes", () => {
    expect(letterNumber("县巡督", 2024, 3)).toBe("县巡督〔2024〕3号");
    expect(letterNumber(null, 2024, 3)).toBe("〔2024〕3号");
    const doc = composeLetter(
      { ...sampleLetter("supervision_letter"), body: "县自然资源局党组：\n请于月底前整改。" },
      parts("supervision_letter"),
    );
    expect(doc).toMatchObject({
      authority: "中共某县委巡察工作领导小组办公室",
      number: "县巡督〔2024〕3号",
      title: "关于督促加快巡察整改进度的函",
      recipient: "县自然资源局党组：",
      notes: ["联系人：李华，联系电话：0730-1234567"],
      signature: { issuer: "县委巡察办", date: "2024-10-08" },
    });
    const body = texts(doc);
    expect(body.some((t) => t.includes("第1.1条\u3000违法占用耕地问题整治进度滞后。"))).toBe(true);
    expect(body.join()).toContain("于2024年10月22日前将整改落实情况");
    // The letter's own salutation is not repeated under the recipient line.
    expect(body).not.toContain("县自然资源局党组：");
    expect(body).toContain("请于月底前整改。");
  });

  it("a saved template's wording and prefix replace the defaults", () => {
    const doc = composeLetter(
      sampleLetter("reminder_letter"),
      parts("reminder_letter", { title: "提示：{{单位名称}}", opening: "共{{条目数}}项。\n\n{{联系人}}", numberPrefix: "某提" }),
    );
    expect(doc.title).toBe("提示：县自然资源局");
    expect(doc.number).toBe("某提〔2024〕3号");
    expect(texts(doc).slice(0, 2)).toEqual(["共2项。", "李华"]);
  });

  it("plan: landscape table of entries, approval state in the notes", () => {
    const doc = composePlan(SAMPLE_PLAN, parts("rectification_plan"));
    expect(doc.orientation).toBe("landscape");
    const table = doc.body.find((b) => b.type === "table");
    expect(table?.type === "table" && table.columns.map((c) => c.title)).toEqual([
      "序号",
      "问题",
      "整改措施",
      "责任领导",
      "责任部门",
      "整改时限",
    ]);
    expect(table?.type === "table" && table.rows[0]).toContain("2024年9月30日");
    expect(doc.notes).toEqual(["本方案第1版已于2024年7月1日审核通过"]);
    expect(approvalNote({ status: "submitted", currentVersion: 2, approvedOn: null })).toBe("本方案第2版已报送，正在审核");
    expect(approvalNote({ status: "draft", currentVersion: 0, approvedOn: null })).toBe("本方案尚未报送审核（草稿）");
  });

  it("ledger: three captioned tables, landscape, the problem once per group, no header or signature", () => {
    const doc = composeLedger(SAMPLE_LEDGER, parts("ledger"));
    expect(doc.orientation).toBe("landscape");
    expect(doc.signature).toBeUndefined();
    const tables = doc.body.filter((b) => b.type === "table") as Array<Extract<Block, { type: "table" }>>;
    expect(tables.map((t) => t.caption)).toEqual(["一、问题清单", "二、任务清单", "三、责任清单"]);
    expect(tables[0]!.rows.map((r) => r[1])).toEqual([
      "落实耕地保护责任不够有力。",
      "",
      "违反中央八项规定精神，违规发放津贴补贴。",
    ]);
    expect(texts(doc).slice(0, 2)).toEqual([
      "十三届县委第五轮巡察\u3000县委第一巡察组\u3000反馈日期：2024年6月12日",
      "整改任务3条，截至2024年10月8日已销号1条",
    ]);
  });

  it("announcement: the composer's sections as headings; the public version masks names in every part", () => {
    const internal = composeAnnouncementDocument(sampleAnnouncement("internal"), parts("announcement"));
    const pub = composeAnnouncementDocument(sampleAnnouncement("public"), parts("announcement"));
    expect(internal.title).toBe("中共县自然资源局党组关于巡察整改进展情况的通报");
    expect(internal.authority).toBeUndefined();
    const levels = internal.body.filter((b) => b.type === "heading").map((b) => (b as { level: number; text: string }).text);
    expect(levels[0]).toBe("一、整改工作总体情况");
    expect(levels).toContain("（一）贯彻落实党中央决策部署和上级工作要求方面");
    expect(texts(internal).join()).toContain("张明华");
    expect(texts(internal)[0]).toContain("现将巡察整改进展情况通报如下");
    expect(texts(pub)[0]).toContain("现将巡察整改进展情况予以公布");
    expect(texts(pub).join()).not.toContain("张明华");
    expect(texts(pub).join()).toContain("张某");
    expect(texts(pub).at(-1)).toBe(
      "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0730-1234567；通信地址：县人民路1号；邮政编码：414000。",
    );
    const bold = internal.body.filter((b) => b.type === "paragraph" && b.bold).map((b) => (b as { text: string }).text);
    expect(bold[0]).toMatch(/^问题1（取得明显成效）：/);
  });

  it("round summary: leads reported separately when the reader may not see them", () => {
    const doc = composeRoundSummary(SAMPLE_SUMMARY, parts("round_summary"));
    expect(doc.title).toBe("关于十三届县委第五轮巡察工作情况的总结报告");
    expect(texts(doc)).toContain("问题线索情况另行报告。");
    expect(texts(doc).join()).toContain("本轮共发现问题21个，其中主责主业问题11个，占52.4%");
  });

  it("watermarks every kind but the public announcement", () => {
    const doc = buildSample("ledger", "internal", parts("ledger"));
    const actor = { userId: "u", username: "u", displayName: "王敏", grants: [], teamSeats: [], mustChangePassword: false };
    const now = new Date("2024-03-01T01:30:00Z");
    expect(withWatermark(doc, "ledger", null, actor, now).watermark).toEqual({ user: "王敏", at: "2024-03-01 09:30" });
    expect(withWatermark(doc, "announcement", "public", actor, now).watermark).toBeUndefined();
  });
});
