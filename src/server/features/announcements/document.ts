/**
 * Writes the progress announcement from the records, in the shape of the seed documents: the title and the
 * opening (the inspection and its feedback), 一、the overall figures, 二、each problem in feedback order with
 * what was done, 三、what continues and the next steps, then the contact paragraph and the signature.
 * Pure: the records come in, the document goes out; the public version passes every string through the
 * name masker.
 */
import {
  ANNOUNCEMENT_VERSION_LABELS,
  announcementFigures,
  chineseDate,
  chineseDateRange,
  countPhrase,
  nameMasker,
  OUTCOME_LABELS,
  problemOutcome,
  rowOutcome,
  type AnnouncementDetails,
  type AnnouncementFigures,
  type AnnouncementSection,
  type AnnouncementVersion,
} from "../../../domain/announcement.ts";
import { chineseOrdinal } from "../../../domain/feedback.ts";
import type { LedgerStatus, ProgressState } from "../../../domain/ledger.ts";
import { ROUND_KIND_LABELS, type RoundKind } from "../../../domain/round.ts";

export interface SourceRow {
  seqLabel: string;
  text: string;
  measures: string | null;
  responsibleLeader: string | null;
  responsibleDepartment: string | null;
  deadline: string | null;
  status: LedgerStatus;
  progress: ProgressState;
  /** Oldest first. */
  notes: Array<{ noteDate: string; text: string }>;
  evidenceCount: number;
}

export interface SourceProblem {
  seq: number;
  text: string;
  rows: SourceRow[];
}

export interface SourceAspect {
  seq: number;
  title: string;
  problems: SourceProblem[];
}

export interface AnnouncementSource {
  orgName: string;
  roundName: string;
  roundKind: string;
  teamName: string;
  entryDate: string | null;
  withdrawalDate: string | null;
  feedbackDate: string | null;
  /** In feedback order: aspect seq, problem seq, row seq. */
  aspects: SourceAspect[];
  details: AnnouncementDetails;
  /** Every personal name known from the records, for the public version. */
  names: string[];
}

export interface AnnouncementDocument {
  version: AnnouncementVersion;
  versionLabel: string;
  title: string;
  sections: AnnouncementSection[];
  signature: { issuer: string; date: string };
  figures: AnnouncementFigures;
  text: string;
}

const PLACEHOLDER_NEXT_STEPS = "（尚未填写下一步工作安排）";
const PLACEHOLDER_CONTACT = "（尚未填写联系方式）";
const SUPERVISION = "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。";

const sentence = (s: string) => (/[。！？；]$/.test(s) ? s : `${s}。`);
const lines = (s: string | null) =>
  (s ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** "反馈问题4个方面13个问题，细化为23条" — the refinement only when there is one. */
function scope(f: AnnouncementFigures): string {
  return `${f.aspects}个方面${f.problems}个问题${f.rows !== f.problems ? `，细化为${f.rows}条整改任务` : ""}`;
}

function opening(src: AnnouncementSource, f: AnnouncementFigures, version: AnnouncementVersion): string {
  const kind = src.roundKind === "regular" ? "巡察" : (ROUND_KIND_LABELS[src.roundKind as RoundKind] ?? "巡察");
  const when =
    src.entryDate && src.withdrawalDate
      ? `${chineseDateRange(src.entryDate, src.withdrawalDate)}，`
      : src.entryDate
        ? `${chineseDate(src.entryDate)}起，`
        : "";
  const parts = [`根据${src.roundName}工作安排，${when}${src.teamName}对${src.orgName}开展了${kind}。`];
  if (src.feedbackDate) {
    const found = f.problems ? `，共指出${scope(f)}` : "";
    parts.push(`${chineseDate(src.feedbackDate)}，${src.teamName}向${src.orgName}反馈了巡察意见${found}。`);
  } else {
    parts.push("巡察意见尚未反馈。");
  }
  parts.push(`按照巡察工作有关要求，现将巡察整改进展情况${version === "public" ? "予以公布" : "通报如下"}。`);
  return parts.join("");
}

function overall(src: AnnouncementSource, f: AnnouncementFigures, asOf: string): string[] {
  if (f.problems === 0) return ["尚未登记巡察反馈问题，整改台账尚未建立。"];
  const rows = src.aspects.flatMap((a) => a.problems.flatMap((p) => p.rows));
  const count = (pick: (r: SourceRow) => boolean) => rows.filter(pick).length;
  const filled = [
    `填报整改措施${count((r) => Boolean(r.measures?.trim()))}条`,
    `明确责任领导${count((r) => Boolean(r.responsibleLeader?.trim()))}条`,
    `明确整改时限${count((r) => r.deadline !== null)}条`,
    `上传佐证材料${rows.reduce((n, r) => n + r.evidenceCount, 0)}份`,
  ];
  const problems = countPhrase(f.problems, f.problemsDone, f.problemsSignificant, f.problemsOngoing, "个");
  const paragraphs = [
    `对照巡察反馈的${scope(f)}，逐条建立整改台账，实行挂号销号管理：整改完成并上传佐证材料后，经巡察办审核方予销号。目前已${filled.join("，")}。`,
    `截至${chineseDate(asOf)}，${f.problems}个问题${f.problemsDone === f.problems ? problems : `中，${problems}`}。`,
  ];
  if (f.rows !== f.problems) {
    const rows = countPhrase(f.rows, f.rowsDone, f.rowsSignificant, f.rowsOngoing, "条");
    const all = f.rowsDone === f.rows;
    paragraphs.push(`反馈问题细化的${f.rows}条整改任务${all ? `${rows}并销号` : `中，${rows}`}。`);
  }
  return paragraphs;
}

function rowFacts(r: SourceRow): string | null {
  const facts = [
    r.responsibleLeader ? `责任领导：${r.responsibleLeader}` : null,
    r.responsibleDepartment ? `责任部门：${r.responsibleDepartment}` : null,
    r.deadline ? `整改时限：${chineseDate(r.deadline)}` : null,
    r.evidenceCount ? `佐证材料${r.evidenceCount}份` : null,
  ].filter((x): x is string => x !== null);
  return facts.length ? `${facts.join("；")}。` : null;
}

function problemParagraphs(p: SourceProblem): string[] {
  const out = [`问题${p.seq}（${OUTCOME_LABELS[problemOutcome(p.rows)]}）：${p.text}`];
  const refined = p.rows.length > 1;
  for (const r of p.rows) {
    if (refined) out.push(`${r.seqLabel}\u3000${r.text}（${OUTCOME_LABELS[rowOutcome(r)]}）`);
    else if (r.text !== p.text) out.push(r.text);
    out.push(`整改情况：${r.measures?.trim() ? r.measures.trim() : "尚未填报整改措施。"}`);
    for (const n of r.notes) out.push(`进展情况（${chineseDate(n.noteDate)}）：${n.text}`);
    const facts = rowFacts(r);
    if (facts) out.push(facts);
  }
  return out;
}

function continuing(src: AnnouncementSource): string[] {
  const open = src.aspects.flatMap((a) => a.problems.flatMap((p) => p.rows)).filter((r) => r.status !== "closed");
  if (open.length === 0) return ["巡察反馈问题已全部完成整改并销号。"];
  return open.map((r) => {
    const deadline = r.deadline ? `，整改时限${chineseDate(r.deadline)}` : "";
    const last = r.notes.at(-1);
    const news = last ? `最新进展（${chineseDate(last.noteDate)}）：${sentence(last.text)}` : "";
    return `问题${r.seqLabel}：${sentence(r.text)}（${OUTCOME_LABELS[rowOutcome(r)]}${deadline}）${news}`;
  });
}

function contact(d: AnnouncementDetails): string {
  const parts = [
    d.contactPhone ? `联系电话：${d.contactPhone}` : null,
    d.contactAddress ? `通信地址：${d.contactAddress}` : null,
    d.contactPostcode ? `邮政编码：${d.contactPostcode}` : null,
    d.contactEmail ? `电子邮箱：${d.contactEmail}` : null,
    d.contactHours ? `接待时间：${d.contactHours}` : null,
  ].filter((x): x is string => x !== null);
  return `${SUPERVISION}${parts.length ? `${parts.join("；")}。` : PLACEHOLDER_CONTACT}`;
}

export function plainText(title: string, sections: AnnouncementSection[], signature: { issuer: string; date: string }): string {
  const out = [title, ""];
  for (const s of sections) {
    if (s.heading) out.push(s.heading);
    out.push(...s.paragraphs);
  }
  out.push("", signature.issuer, signature.date);
  return out.join("\n");
}

export function composeAnnouncement(src: AnnouncementSource, version: AnnouncementVersion, asOf: string): AnnouncementDocument {
  const f = announcementFigures(src.aspects);
  const issuer = src.details.issuer?.trim() || src.orgName;
  const sections: AnnouncementSection[] = [
    { heading: "", level: 0, paragraphs: [opening(src, f, version)] },
    { heading: "一、整改工作总体情况", level: 1, paragraphs: overall(src, f, asOf) },
    {
      heading: "二、整改落实情况",
      level: 1,
      paragraphs: [f.problems ? "按照巡察反馈意见的顺序，逐项报告整改落实情况如下。" : "尚无反馈问题。"],
    },
    ...src.aspects.map((a): AnnouncementSection => ({
      heading: `（${chineseOrdinal(a.seq)}）${a.title}`,
      level: 2,
      paragraphs: a.problems.flatMap(problemParagraphs),
    })),
    { heading: "三、持续推进事项和下一步工作安排", level: 1, paragraphs: [] },
    { heading: "（一）持续推进的整改事项", level: 2, paragraphs: continuing(src) },
    {
      heading: "（二）下一步工作安排",
      level: 2,
      paragraphs: lines(src.details.nextSteps).length ? lines(src.details.nextSteps) : [PLACEHOLDER_NEXT_STEPS],
    },
    { heading: "", level: 0, paragraphs: [contact(src.details)] },
  ];
  let title = `${issuer}关于巡察整改进展情况的通报`;
  let signature = { issuer, date: chineseDate(asOf) };
  let shown = sections;
  if (version === "public") {
    const mask = nameMasker(src.names);
    title = mask(title);
    signature = { issuer: mask(signature.issuer), date: signature.date };
    shown = sections.map((s) => ({ ...s, heading: mask(s.heading), paragraphs: s.paragraphs.map(mask) }));
  }
  return {
    version,
    versionLabel: ANNOUNCEMENT_VERSION_LABELS[version],
    title,
    sections: shown,
    signature,
    figures: f,
    text: plainText(title, shown, signature),
  };
}
