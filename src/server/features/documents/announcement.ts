/**
 * 整改进展情况公告 (党内版 / 公开版): the announcement the composer writes from the records
 * (announcements/document.ts), laid out as an official document. The composer's numbered sections become the body
 * (level 1 → 一、…, level 2 → （一）…); its unheaded opening and contact paragraphs give way to the template's
 * opening and closing, filled from the same records. The public version passes everything through the composer's
 * name masker, and carries no watermark.
 */
import { chineseDate, nameMasker, type AnnouncementDetails, type AnnouncementVersion } from "../../../domain/announcement.ts";
import { fillParagraphs } from "../../../domain/documents.ts";
import { ruleViolation } from "../../../domain/errors.ts";
import type { Actor } from "../../../domain/roles.ts";
import type { AppContext } from "../../context.ts";
import type { Block, OfficialDocument } from "../../documents/model.ts";
import { composeAnnouncement, type AnnouncementSource } from "../announcements/document.ts";
import { viewAnnouncementRefusal } from "../announcements/policy.ts";
import { detailsRecord, feedbackTree, getAnnouncementHead, knownNames, presentDetails } from "../announcements/queries.ts";
import { allow } from "../rounds/policy.ts";
import { inspectionValues } from "./feedback.ts";
import { commonValues, compact, fill, heading, para, type Parts } from "./parts.ts";

export interface AnnouncementDocSource {
  source: AnnouncementSource;
  version: AnnouncementVersion;
}

/** "联系电话：…；通信地址：…；邮政编码：…；电子邮箱：…。" from the announcement's details, else the office's profile. */
export function contactLine(d: AnnouncementDetails, profile: Parts["profile"]): string {
  const phone = d.contactPhone ?? profile.contactPhone;
  const address = d.contactAddress ?? profile.contactAddress;
  const parts = [
    phone ? `联系电话：${phone}` : null,
    address ? `通信地址：${address}` : null,
    d.contactPostcode ? `邮政编码：${d.contactPostcode}` : null,
    d.contactEmail ? `电子邮箱：${d.contactEmail}` : null,
    d.contactHours ? `接待时间：${d.contactHours}` : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? `${parts.join("；")}。` : "";
}

/** The composer's own problem lines, "问题3（已完成整改）：…", are set bold: they head what follows them. */
const PROBLEM_LINE = /^问题\d+（(已完成整改|取得明显成效|持续推进)）：/;

export function composeAnnouncementDocument({ source, version }: AnnouncementDocSource, parts: Parts): OfficialDocument {
  const composed = composeAnnouncement(source, version, parts.today);
  const f = composed.figures;
  const issuer = source.details.issuer?.trim() || source.orgName;
  const values = {
    ...commonValues(parts, parts.today),
    ...inspectionValues(source, { aspects: f.aspects, problems: f.problems, rows: f.rows }),
    发布单位: issuer,
    公布方式: version === "public" ? "予以公布" : "通报如下",
    截至日期: chineseDate(parts.today),
    联系方式: contactLine(source.details, parts.profile),
  };
  const mask = version === "public" ? nameMasker(source.names) : (t: string) => t;
  const filled = (text: string): Block[] => fillParagraphs(text, values).map((t) => para(mask(t)));
  const body: Block[] = [...filled(parts.template.opening)];
  // Unheaded sections (the opening and the contacts) are the template's to write.
  for (const s of composed.sections.filter((x) => x.level > 0)) {
    body.push(heading(s.level as 1 | 2, s.heading));
    for (const p of s.paragraphs) body.push(PROBLEM_LINE.test(p) ? para(p, { bold: true }) : para(p));
  }
  body.push(...filled(parts.template.closing));
  return compact({
    kind: "announcement",
    orientation: "portrait",
    title: mask(fill(parts.template.title, values)),
    body,
    signature: { issuer: composed.signature.issuer, date: parts.today },
  });
}

export async function loadAnnouncementSource(
  ctx: AppContext,
  actor: Actor,
  assignmentId: string,
  version: AnnouncementVersion,
): Promise<AnnouncementDocSource> {
  const head = await getAnnouncementHead(ctx.db, assignmentId);
  allow(viewAnnouncementRefusal(actor, { id: head.orgId, path: head.orgPath }));
  const aspects = await feedbackTree(ctx.db, head.id);
  if (!aspects.length) throw ruleViolation("该巡察任务尚未登记反馈意见，不能生成整改进展情况公告");
  const details = presentDetails(await detailsRecord(ctx.db, head.id));
  const names = await knownNames(ctx.db, head.orgId);
  return { source: { ...head, aspects, details, names }, version };
}
