/**
 * Sample records for the template editor's preview, when no record is chosen: a small county inspection in the words
 * of the seeds. Only the preview uses them; nothing here is ever exported.
 */
import type { AnnouncementDetails } from "../../../domain/announcement.ts";
import type { LedgerFigures } from "../../../domain/ledger.ts";
import type { AnnouncementDocSource } from "./announcement.ts";
import type { FeedbackSource, InspectionHead } from "./feedback.ts";
import type { LedgerSource, LedgerSourceRow } from "./ledger.ts";
import type { LetterDocumentKind, LetterSource } from "./letter.ts";
import type { PlanSource } from "./plan.ts";
import type { StatisticsSource } from "./statistics.ts";
import type { SummarySource } from "./summary.ts";

const HEAD: InspectionHead = {
  orgName: "县自然资源局",
  teamName: "县委第一巡察组",
  roundName: "十三届县委第五轮巡察",
  roundKind: "regular",
  entryDate: "2024-03-04",
  withdrawalDate: "2024-04-26",
  feedbackDate: "2024-06-12",
};

const ROWS = [
  {
    aspect: "贯彻落实党中央决策部署和上级工作要求方面",
    problem: "落实耕地保护责任不够有力。",
    rows: ["违法占用耕地问题整治进度滞后。", "耕地“非农化”动态监测不及时。"],
    measures: "制定违法占地问题整治清单，逐宗明确责任人和完成时限；建立耕地动态监测月报制度。",
    leader: "张明华",
    department: "耕地保护监督股",
    deadline: "2024-09-30",
  },
  {
    aspect: "落实全面从严治党责任方面",
    problem: "违反中央八项规定精神，违规发放津贴补贴。",
    rows: ["违规发放津贴补贴。"],
    measures: "全面清理2022年以来发放的津贴补贴，违规发放的全部清退；修订财务管理制度。",
    leader: "李红",
    department: "办公室",
    deadline: "2024-07-31",
  },
];

export const SAMPLE_FEEDBACK: FeedbackSource = {
  ...HEAD,
  aspects: ROWS.map((r, i) => ({
    seq: i + 1,
    title: r.aspect,
    problems: [{ seq: i + 1, text: r.problem, rows: r.rows.map((text, j) => ({ seqLabel: `${i + 1}.${j + 1}`, text })) }],
  })),
  planDueDate: "2024-07-03",
  periodMonths: 2,
};

const entries = ROWS.flatMap((r, i) =>
  r.rows.map((text, j) => ({
    rowId: `sample-${i}-${j}`,
    seqLabel: r.rows.length > 1 ? `${i + 1}.${j + 1}` : String(i + 1),
    problemText: r.problem,
    rowText: text,
    measures: r.measures,
    responsibleLeader: r.leader,
    responsibleDepartment: r.department,
    deadline: r.deadline,
  })),
);

export const SAMPLE_PLAN: PlanSource = {
  ...HEAD,
  summary: "成立巡察整改工作领导小组，由局党组书记任组长，班子成员按分工抓好分管领域问题整改。",
  entries,
  status: "approved",
  currentVersion: 1,
  approvedOn: "2024-07-01",
  dueDate: "2024-07-03",
  counts: { aspects: 2, problems: 2, rows: entries.length },
};

const ledgerRow = (e: (typeof entries)[number], closed: boolean): LedgerSourceRow => ({
  seqLabel: e.seqLabel,
  text: e.rowText,
  measures: e.measures,
  responsibleLeader: e.responsibleLeader,
  responsibleDepartment: e.responsibleDepartment,
  deadline: e.deadline,
  progressLabel: closed ? "已完成" : "推进中",
  statusLabel: closed ? "已销号" : "整改中",
  closed,
  overdue: false,
});
const ledgerRows = entries.map((e, i) => ledgerRow(e, i === entries.length - 1));

export const SAMPLE_LEDGER: LedgerSource = {
  ...HEAD,
  aspects: 2,
  problems: [
    { problemText: ROWS[0]!.problem, rows: ledgerRows.slice(0, 2) },
    { problemText: ROWS[1]!.problem, rows: ledgerRows.slice(2) },
  ],
  tasks: [
    { measure: ROWS[0]!.measures, rows: ledgerRows.slice(0, 2) },
    { measure: ROWS[1]!.measures, rows: ledgerRows.slice(2) },
  ],
  responsibilities: [
    { leader: "张明华", department: "耕地保护监督股", rows: ledgerRows.slice(0, 2), counts: { total: 2, closed: 0, overdue: 0 } },
    { leader: "李红", department: "办公室", rows: ledgerRows.slice(2), counts: { total: 1, closed: 1, overdue: 0 } },
  ],
  truncated: false,
};

export function sampleLetter(kind: LetterDocumentKind): LetterSource {
  const subjects: Record<LetterDocumentKind, string> = {
    supervision_letter: "关于督促加快巡察整改进度的函",
    reassignment_letter: "关于再次交办巡察整改任务的函",
    reminder_letter: "关于切实履行巡察整改督促责任的工作提示",
    recommendation_letter: "关于违规发放津贴补贴问题的巡察建议",
  };
  return {
    kind,
    year: 2024,
    number: 3,
    addressee: kind === "recommendation_letter" ? "县财政局党组" : "县自然资源局党组",
    addresseeOrgName: kind === "recommendation_letter" ? "县财政局" : "县自然资源局",
    subject: subjects[kind],
    body: null,
    sentOn: "2024-10-08",
    replyDue: "2024-10-22",
    commonProblemTitle: kind === "recommendation_letter" ? "违规发放津贴补贴" : null,
    items: [
      { type: "row", orgName: "县自然资源局", seqLabel: "1.1", text: "违法占用耕地问题整治进度滞后。", statusLabel: "整改中" },
      { type: "row", orgName: "县自然资源局", seqLabel: "1.2", text: "耕地“非农化”动态监测不及时。", statusLabel: "整改中" },
    ],
  };
}

const DETAILS: AnnouncementDetails = {
  id: null,
  issuer: "中共县自然资源局党组",
  nextSteps: "坚持问题导向，对已完成的整改事项适时组织“回头看”，防止问题反弹。\n建立健全长效机制，巩固深化整改成果。",
  contactPhone: "0730-1234567",
  contactAddress: "县人民路1号",
  contactPostcode: "414000",
  contactEmail: null,
  contactHours: null,
  version: null,
  updatedAt: null,
};

export function sampleAnnouncement(version: AnnouncementDocSource["version"]): AnnouncementDocSource {
  return {
    version,
    source: {
      ...HEAD,
      aspects: SAMPLE_FEEDBACK.aspects.map((a, i) => ({
        seq: a.seq,
        title: a.title,
        problems: a.problems.map((p) => ({
          seq: p.seq,
          text: p.text,
          rows: p.rows.map((r, j) => ({
            seqLabel: r.seqLabel,
            text: r.text,
            measures: ROWS[i]!.measures,
            responsibleLeader: ROWS[i]!.leader,
            responsibleDepartment: ROWS[i]!.department,
            deadline: ROWS[i]!.deadline,
            status: i === 1 || j === 1 ? ("closed" as const) : ("open" as const),
            progress: i === 1 || j === 1 ? ("done" as const) : ("significant_progress" as const),
            notes: [],
            evidenceCount: 2,
          })),
        })),
      })),
      details: DETAILS,
      names: ["张明华", "李红"],
    },
  };
}

const figures = (total: number, done: number): LedgerFigures => ({
  total,
  byStatus: { open: total - done, close_requested: 0, closed: done },
  byProgress: { not_started: 0, in_progress: total - done, done, significant_progress: 0, ongoing: 0 },
  overdue: 0,
  done,
  significantProgress: 0,
  ongoing: total - done,
  doneRate: total ? done / total : null,
  doneOrSignificantRate: total ? done / total : null,
});

export const SAMPLE_SUMMARY: SummarySource = {
  roundName: HEAD.roundName,
  roundKind: "regular",
  theme: null,
  termName: "十三届县委",
  startDate: "2024-03-04",
  endDate: "2024-04-26",
  assignments: [
    {
      teamName: "县委第一巡察组",
      leader: "王建国",
      orgName: "县自然资源局",
      entryDate: "2024-03-04",
      withdrawalDate: "2024-04-26",
      feedbackDate: "2024-06-12",
      findingCount: 12,
    },
    {
      teamName: "县委第二巡察组",
      leader: "赵立新",
      orgName: "县财政局",
      entryDate: "2024-03-04",
      withdrawalDate: "2024-04-26",
      feedbackDate: "2024-06-13",
      findingCount: 9,
    },
  ],
  findings: {
    total: 21,
    coreMandate: 11,
    common: 6,
    topLeader: 2,
    byCategory: [
      { label: "主责主业", n: 11 },
      { label: "全面从严治党", n: 6 },
      { label: "党的建设", n: 4 },
    ],
  },
  leads: null,
  hearings: [
    { orgName: "县自然资源局", withdrawalDate: "2024-04-26", hearingDate: "2024-05-20", label: "按时", late: false },
    { orgName: "县财政局", withdrawalDate: "2024-04-26", hearingDate: "2024-06-03", label: "逾期8天完成", late: true },
  ],
  rectification: [
    { orgName: "县自然资源局", figures: figures(14, 9) },
    { orgName: "县财政局", figures: figures(10, 10) },
  ],
};

export const SAMPLE_STATISTICS: StatisticsSource = {
  scope: "十三届县委；十三届县委第五轮巡察",
  withheld: [],
  results: [
    {
      figure: "findings_by_category",
      title: "发现问题（按类别）",
      measures: [
        { key: "findings", label: "问题数", kind: "count" },
        { key: "share", label: "占比", kind: "rate" },
      ],
      groups: SAMPLE_SUMMARY.findings.byCategory.map((c) => ({
        key: c.label,
        label: c.label,
        values: { findings: c.n, share: c.n / SAMPLE_SUMMARY.findings.total },
      })),
      totals: { findings: SAMPLE_SUMMARY.findings.total, share: 1 },
      asOf: "2024-10-08",
    },
    {
      figure: "rectification_by_org",
      title: "整改完成率（按单位）",
      measures: [
        { key: "rows", label: "整改任务", kind: "count" },
        { key: "done", label: "已完成", kind: "count" },
        { key: "doneRate", label: "完成率", kind: "rate" },
      ],
      groups: SAMPLE_SUMMARY.rectification.map((r) => ({
        key: r.orgName,
        label: r.orgName,
        values: { rows: r.figures.total, done: r.figures.done, doneRate: r.figures.doneRate },
      })),
      totals: { rows: 24, done: 19, doneRate: 19 / 24 },
      asOf: "2024-10-08",
    },
  ],
};
