import { describe, expect, it } from "vitest";
import type { AnnouncementDetails } from "../../../domain/announcement.ts";
import { composeAnnouncement, type AnnouncementSource, type SourceRow } from "./document.ts";

const noDetails: AnnouncementDetails = {
  id: null,
  issuer: null,
  nextSteps: null,
  contactPhone: null,
  contactAddress: null,
  contactPostcode: null,
  contactEmail: null,
  contactHours: null,
  version: null,
  updatedAt: null,
};

const row = (seqLabel: string, text: string, more: Partial<SourceRow> = {}): SourceRow => ({
  seqLabel,
  text,
  measures: `${text}的整改措施`,
  responsibleLeader: "张三",
  responsibleDepartment: "办公室",
  deadline: "2024-06-30",
  status: "closed",
  progress: "done",
  notes: [],
  evidenceCount: 1,
  ...more,
});

const source = (over: Partial<AnnouncementSource> = {}): AnnouncementSource => ({
  orgName: "某县委巡察机构",
  roundName: "某市委2023年提级巡察",
  roundKind: "elevated",
  teamName: "市委第五巡察组",
  entryDate: "2023-09-05",
  withdrawalDate: "2023-11-10",
  feedbackDate: "2023-12-28",
  aspects: [
    {
      seq: 1,
      title: "组织领导需要进一步加强方面",
      problems: [
        {
          seq: 1,
          text: "学习贯彻不够及时。",
          rows: [
            row("1.1", "常委会学习次数少。"),
            row("1.2", "书记专题会未及时传达。", {
              status: "open",
              progress: "significant_progress",
              responsibleLeader: "欧阳修文",
              notes: [{ noteDate: "2024-06-07", text: "已传达两次，由欧阳修文同志督促" }],
            }),
          ],
        },
      ],
    },
    {
      seq: 2,
      title: "规范化建设还需进一步加强",
      problems: [{ seq: 2, text: "人才库建设不够规范。", rows: [row("2", "人才库建设不够规范。")] }],
    },
  ],
  details: noDetails,
  names: ["张三", "欧阳修文", "工委分管领导"],
  ...over,
});

describe("composing the announcement", () => {
  it("opens with the inspection and the feedback, and counts problems and refined rows", () => {
    const doc = composeAnnouncement(source(), "internal", "2024-06-28");
    expect(doc.title).toBe("某县委巡察机构关于巡察整改进展情况的通报");
    expect(doc.sections[0]!.paragraphs[0]).toBe(
      "根据某市委2023年提级巡察工作安排，2023年9月5日至11月10日，市委第五巡察组对某县委巡察机构开展了提级巡察。" +
        "2023年12月28日，市委第五巡察组向某县委巡察机构反馈了巡察意见，共指出2个方面2个问题，细化为3条整改任务。" +
        "按照巡察工作有关要求，现将巡察整改进展情况通报如下。",
    );
    expect(doc.text).toContain("截至2024年6月28日，2个问题中，已完成整改1个，取得明显成效1个。");
    expect(doc.text).toContain("反馈问题细化的3条整改任务中，已完成整改2条，取得明显成效1条。");
    expect(doc.figures).toMatchObject({ aspects: 2, problems: 2, rows: 3, problemsDone: 1, rowsSignificant: 1 });
  });

  it("reports each problem in feedback order with its rows, measures, notes and facts", () => {
    const doc = composeAnnouncement(source(), "internal", "2024-06-28");
    expect(doc.sections.map((s) => s.heading)).toEqual([
      "",
      "一、整改工作总体情况",
      "二、整改落实情况",
      "（一）组织领导需要进一步加强方面",
      "（二）规范化建设还需进一步加强",
      "三、持续推进事项和下一步工作安排",
      "（一）持续推进的整改事项",
      "（二）下一步工作安排",
      "",
    ]);
    expect(doc.sections[3]!.paragraphs).toEqual([
      "问题1（取得明显成效）：学习贯彻不够及时。",
      "1.1　常委会学习次数少。（已完成整改）",
      "整改情况：常委会学习次数少。的整改措施",
      "责任领导：张三；责任部门：办公室；整改时限：2024年6月30日；佐证材料1份。",
      "1.2　书记专题会未及时传达。（取得明显成效）",
      "整改情况：书记专题会未及时传达。的整改措施",
      "进展情况（2024年6月7日）：已传达两次，由欧阳修文同志督促",
      "责任领导：欧阳修文；责任部门：办公室；整改时限：2024年6月30日；佐证材料1份。",
    ]);
    // A problem of one row with the same text is not repeated.
    expect(doc.sections[4]!.paragraphs[0]).toBe("问题2（已完成整改）：人才库建设不够规范。");
    expect(doc.sections[4]!.paragraphs[1]).toBe("整改情况：人才库建设不够规范。的整改措施");
    expect(doc.sections[6]!.paragraphs).toEqual([
      "问题1.2：书记专题会未及时传达。（取得明显成效，整改时限2024年6月30日）最新进展（2024年6月7日）：已传达两次，由欧阳修文同志督促。",
    ]);
  });

  it("says what is still to be written instead of inventing it", () => {
    const doc = composeAnnouncement(source(), "internal", "2024-06-28");
    expect(doc.sections[7]!.paragraphs).toEqual(["（尚未填写下一步工作安排）"]);
    expect(doc.sections[8]!.paragraphs[0]).toBe(
      "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。（尚未填写联系方式）",
    );
  });

  it("uses the issuer, next steps and contacts the organisation wrote", () => {
    const details = {
      ...noDetails,
      issuer: "中共某县委巡察机构",
      nextSteps: "一是深化思想认识。\n\n二是坚持问题导向。",
      contactPhone: "0730-5208005",
      contactPostcode: "414400",
      contactEmail: "mlswxcb2020@126.com",
    };
    const doc = composeAnnouncement(source({ details }), "public", "2024-06-28");
    expect(doc.title).toBe("中共某县委巡察机构关于巡察整改进展情况的通报");
    expect(doc.signature).toEqual({ issuer: "中共某县委巡察机构", date: "2024年6月28日" });
    expect(doc.sections[7]!.paragraphs).toEqual(["一是深化思想认识。", "二是坚持问题导向。"]);
    expect(doc.text).toContain("请及时向我们反映。联系电话：0730-5208005；邮政编码：414400；电子邮箱：mlswxcb2020@126.com。");
    expect(doc.text).toContain("现将巡察整改进展情况予以公布。");
  });

  it("masks every known name in the public version, everywhere, and only there", () => {
    const internal = composeAnnouncement(source(), "internal", "2024-06-28");
    const pub = composeAnnouncement(source(), "public", "2024-06-28");
    expect(internal.text).toContain("张三");
    expect(internal.text).toContain("欧阳修文同志");
    expect(pub.text).not.toContain("张三");
    expect(pub.text).not.toContain("欧阳修文");
    expect(pub.text).toContain("责任领导：张某");
    expect(pub.text).toContain("由欧阳某同志督促");
    expect(JSON.stringify(pub.sections)).not.toMatch(/张三|欧阳修文/);
    expect(pub.figures).toEqual(internal.figures);
  });

  it("says so when every problem and every refined row is done", () => {
    const all = source();
    all.aspects[0]!.problems[0]!.rows[1] = row("1.2", "书记专题会未及时传达。");
    const doc = composeAnnouncement(all, "internal", "2024-06-28");
    expect(doc.text).toContain("截至2024年6月28日，2个问题已全部完成整改。\n反馈问题细化的3条整改任务已全部完成整改并销号。");
    expect(doc.sections[6]!.paragraphs).toEqual(["巡察反馈问题已全部完成整改并销号。"]);
  });

  it("writes a preview before feedback is registered", () => {
    const doc = composeAnnouncement(source({ aspects: [], feedbackDate: null }), "internal", "2024-06-28");
    expect(doc.text).toContain("巡察意见尚未反馈。");
    expect(doc.text).toContain("尚未登记巡察反馈问题，整改台账尚未建立。");
    expect(doc.figures.problems).toBe(0);
  });
});
