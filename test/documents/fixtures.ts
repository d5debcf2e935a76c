/** Documents as the builders would hand them to the renderers: a long letter with every part, and a wide ledger. */
import type { Block, OfficialDocument } from "../../src/server/documents/model.ts";

/** Sentences in the register of the seeds (rectification reports), full-width punctuation only. */
const SENTENCES = [
  "坚持把巡察整改作为重大政治任务，主要负责同志亲自研究部署、亲自推动落实，层层压实整改主体责任。",
  "对反馈指出的问题逐条梳理、逐项分解，建立问题清单、任务清单和责任清单，明确整改时限和具体措施。",
  "围绕群众反映强烈的突出问题开展专项治理，推动惠民政策落实落地，切实解决群众急难愁盼问题。",
  "完善议事决策规则，严格执行三重一大集体决策制度，规范重大事项请示报告程序，堵塞管理漏洞。",
  "加强对整改工作的日常监督，定期调度整改进展，对进度滞后的单位及时督促提醒，防止虚假整改。",
  "深化以案促改，召开专题民主生活会，认真开展批评与自我批评，举一反三查找制度机制方面的短板。",
  "健全农村集体三资管理制度，开展集体资产清产核资，规范合同管理和资金使用，维护集体经济组织权益。",
  "抓好基层党组织建设，整顿软弱涣散党组织，规范三会一课和主题党日活动，提升党支部组织力。",
  "对照整改任务逐项开展销号管理，做到问题不解决不放过、整改不到位不销号、群众不认可不销号。",
  "把巡察整改与推动中心工作结合起来，以整改成效促进乡村振兴和基层治理水平不断提升。",
];

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** A paragraph of two to four sentences, varied by index so that no two are alike. */
export function paragraphText(i: number): string {
  const n = 2 + (i % 3);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) parts.push(SENTENCES[(i * 3 + k * 7) % SENTENCES.length] ?? "");
  return parts.join("");
}

export function letterBody(paragraphs = 64): Block[] {
  const body: Block[] = [];
  let p = 0;
  for (let h1 = 0; h1 < 4; h1++) {
    body.push({
      type: "heading",
      level: 1,
      text: `${ORDINALS[h1]}、${["总体情况", "主要做法", "存在问题", "下一步工作打算"][h1]}`,
    });
    for (let h2 = 0; h2 < 2; h2++) {
      body.push({ type: "heading", level: 2, text: `（${ORDINALS[h2]}）${["压实整改责任", "完善制度机制"][h2]}` });
      for (let h3 = 0; h3 < 2; h3++) {
        body.push({ type: "heading", level: 3, text: `${h3 + 1}.${["建立清单", "跟踪问效"][h3]}` });
        body.push({ type: "heading", level: 4, text: `（${h3 + 1}）明确责任分工` });
        const count = Math.ceil(paragraphs / 16);
        for (let k = 0; k < count; k++) body.push({ type: "paragraph", text: paragraphText(p++) });
      }
    }
  }
  return body;
}

export function letterDocument(extra: Partial<OfficialDocument> = {}): OfficialDocument {
  return {
    kind: "supervision_letter",
    orientation: "portrait",
    copyNo: "000123",
    classification: "内部资料",
    authority: "中共示范县委巡察工作领导小组办公室",
    number: "县巡办〔2024〕3号",
    title: "关于督促中共示范镇委员会加快推进巡察反馈问题整改工作并按期报送整改进展情况的函",
    recipient: "中共示范镇委员会：",
    body: letterBody(),
    attachments: ["示范镇巡察反馈问题整改台账", "示范镇整改进展情况报告（模板）"],
    signature: { issuer: "中共示范县委巡察工作领导小组办公室", date: "2024-03-05" },
    notes: ["联系人：王敏，电话：0371-12345678"],
    cc: "县纪委监委，县委组织部。",
    printedBy: { issuer: "中共示范县委巡察工作领导小组办公室", date: "2024-03-05" },
    ...extra,
  };
}

export const LEDGER_COLUMNS = [
  { title: "序号", width: 2, align: "center" as const },
  { title: "问题类别", width: 2 },
  { title: "问题描述", width: 6 },
  { title: "整改措施", width: 6 },
  { title: "责任单位", width: 2 },
  { title: "整改时限", width: 2.5, align: "center" as const },
  { title: "完成情况", width: 2 },
];

export function ledgerDocument(rows = 200, extra: Partial<OfficialDocument> = {}): OfficialDocument {
  const data: string[][] = [];
  for (let i = 1; i <= rows; i++) {
    data.push([
      `第${i}项`,
      ["党的建设", "作风建设", "三资管理", "民生保障"][i % 4] ?? "",
      SENTENCES[i % SENTENCES.length] ?? "",
      i % 5 === 0
        ? `${SENTENCES[(i + 3) % SENTENCES.length]}${SENTENCES[(i + 4) % SENTENCES.length]}`
        : (SENTENCES[(i + 3) % SENTENCES.length] ?? ""),
      "示范镇党委",
      `2024-0${1 + (i % 9)}-15`,
      i % 3 === 0 ? "已完成" : "正在推进",
    ]);
  }
  return {
    kind: "ledger",
    orientation: "landscape",
    title: "示范镇巡察反馈问题整改台账",
    body: [{ type: "table", caption: "巡察反馈问题整改台账", columns: LEDGER_COLUMNS, rows: data }],
    ...extra,
  };
}
