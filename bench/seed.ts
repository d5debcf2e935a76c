/**
 * Bench data, generated inside the database engine from a seed: the same seed gives the same rows on
 * PGlite and PostgreSQL. Every random draw is md5(seed:key) cut into 32-bit numbers, so results do not
 * depend on execution order. Shape of a county's rectification work over one term:
 *   orgs (townships with villages, agencies, SOEs, schools, hospitals) → 10 rounds × 5 teams →
 *   1–4 assignments per org (skewed sizes) → aspects → problems → ledger rows (1.25 per problem) →
 *   evidence files on rows that asked for or got close-out; then the other records the statistics count
 *   (seed-records.ts: findings, leads, directives, letters, rules, pool, trainings, coverage scope).
 * Row status follows the round's age: old rounds are mostly closed out, the latest mostly open.
 */
import { RECORD_TABLES, recordStatements } from "./seed-records.ts";

export interface SeedOptions {
  rows: number;
  orgs: number;
  seed: number;
  /** The office user the bench logs in as (closes rows out) and an org contact (asks for close-out). */
  officeUserId: string;
  contactUserId: string;
}

/** Runs one SQL statement (no parameters) on the connection that loads the data. */
export type Exec = (sql: string) => Promise<unknown>;

const list = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

const TOWNS = ["城关", "河西", "东坪", "南岭", "北山", "青石", "白沙", "柳林", "桃源", "龙泉", "长乐", "安和"];
const VILLAGES = ["新民", "红旗", "向阳", "五里", "杨家", "李庄", "马坊", "石桥", "枫林", "清水"];
const AGENCIES = [
  "县发展和改革局",
  "县教育局",
  "县财政局",
  "县人力资源和社会保障局",
  "县自然资源局",
  "县住房和城乡建设局",
  "县交通运输局",
  "县水利局",
  "县农业农村局",
  "县卫生健康局",
  "县市场监督管理局",
  "县医疗保障局",
  "县民政局",
  "县司法局",
  "县商务局",
  "县文化广电旅游局",
  "县应急管理局",
  "县统计局",
  "县林业局",
  "县审计局",
];
const OTHERS: Record<string, string[]> = {
  soe: ["县城市建设投资集团有限公司", "县国有资产经营有限公司", "县水务集团有限公司", "县交通投资有限公司"],
  school: ["县第一中学", "县第二中学", "县实验小学", "县职业技术学校"],
  hospital: ["县人民医院", "县中医院", "县妇幼保健院", "县疾病预防控制中心"],
  other: ["县供销合作社联合社", "县工商业联合会", "县融媒体中心", "县档案馆"],
};
const ASPECTS = [
  "贯彻落实党的理论和路线方针政策以及党中央决策部署方面",
  "落实全面从严治党战略部署方面",
  "落实新时代党的组织路线方面",
  "落实巡视巡察、审计等监督发现问题整改方面",
  "落实意识形态工作责任制方面",
  "落实中央八项规定及其实施细则精神方面",
  "群众身边腐败问题和不正之风方面",
  "基层党组织建设方面",
];
const PROBLEM_HEADS = [
  "学习贯彻党的二十大精神不够深入，",
  "落实乡村振兴战略部署有差距，",
  "主体责任落实不到位，",
  "“三重一大”决策制度执行不严格，",
  "财务管理不规范，",
  "专项资金使用监管不到位，",
  "政府采购和工程项目管理不规范，",
  "干部选拔任用程序执行不严，",
  "基层党组织“三会一课”制度落实不到位，",
  "意识形态工作责任制落实不力，",
  "公务接待和公车管理不规范，",
  "惠民惠农政策落实打折扣，",
];
const PROBLEM_TAILS = [
  "存在以会议贯彻会议、以文件落实文件现象，部分重点工作推进缓慢。",
  "部分支出未经集体研究，报销凭证不齐全，存在超标准列支情况。",
  "个别项目未按规定程序招标，合同签订滞后于项目实施，验收把关不严。",
  "党员发展和管理工作不规范，部分党员长期不参加组织生活。",
  "对上轮巡察反馈问题整改不彻底，部分问题整改流于形式，出现反弹回潮。",
  "对下属单位监督检查不够，廉政风险防控机制不健全。",
  "群众反映强烈的问题解决不及时，信访事项办理质量不高。",
  "档案资料管理混乱，部分会议记录缺失。",
];
const MEASURES = [
  "召开专题民主生活会，逐条对照检视，制定整改清单，明确责任人和完成时限，按月调度整改进度。",
  "修订完善财务管理制度，组织财务人员专题培训，对近三年支出凭证全面自查，违规资金已全部追回。",
  "重新梳理项目管理流程，严格执行招投标规定，对相关责任人进行约谈提醒。",
  "建立健全党员教育管理台账，落实“三会一课”制度，每季度开展一次督查。",
  "举一反三开展专项整治，建立长效机制，纳入年度目标考核。",
];
const LEADERS = ["张伟", "王芳", "李强", "刘洋", "陈静", "杨军", "赵敏", "黄磊", "周涛", "吴霞", "徐斌", "孙丽"];
const DEPARTMENTS = ["办公室", "财务股", "人事股", "综合股", "项目办", "党建办", "纪检组", "业务股"];
const ROUND_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const ROUNDS = 10;
const TEAMS = 5;

/** The whole load as SQL statements, in order. Helper functions bench_u and bench_id are created first. */
export function seedStatements(o: SeedOptions): string[] {
  const S = `xuncha-bench:${o.seed}`;
  const pick = (arr: string[], u: string) => `(${list(arr)})[1 + floor(${u} * ${arr.length})::int]`;
  const problemText = `${pick(PROBLEM_HEADS, "bench_u(h, 1)")} || ${pick(PROBLEM_TAILS, "bench_u(h, 2)")}`;
  return [
    // u(h, i): the i-th 32-bit slice of an md5 hex string as a number in [0, 1).
    `create or replace function bench_u(h text, i int) returns double precision language sql immutable parallel safe as
      $$ select ('x' || substr(h, i * 8 + 1, 8))::bit(32)::bigint / 4294967296.0 $$`,
    // A UUID v7 whose time part grows with ord and whose random part comes from the key.
    `create or replace function bench_id(k text, ord bigint) returns uuid language sql immutable parallel safe as
      $$ select (lpad(to_hex(1640995200000 + ord), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 3) || substr(h, 7, 12))::uuid
         from md5('${S}:' || k) as h $$`,
    `create temp table bench_org as
      select i, md5('${S}:org:' || i) as h,
        case when i = 0 then 'agency' when i % 10 = 1 then 'township' when i % 10 between 2 and 5 then 'village'
             else (array['agency','agency','agency','soe','school','hospital','other'])[1 + floor(bench_u(md5('${S}:orgkind:' || i), 0) * 7)::int] end as kind
      from generate_series(0, ${o.orgs - 1}) as i`,
    `insert into orgs (id, name, code, kind, parent_id, path, supervising_leader, risk_class, party_secretary, created_at, updated_at)
      select bench_id('org:' || i, i),
        case when i = 0 then '中共示范县委员会'
             when kind = 'township' then ${pick(TOWNS, "((i / 10) % 12 + 0.5) / 12.0")} || '镇' || case when i >= 120 then (i / 120)::text else '' end
             when kind = 'village' then ${pick(TOWNS, "((i / 10) % 12 + 0.5) / 12.0")} || '镇' || ${pick(VILLAGES, "bench_u(h, 1)")} || '村' || (i % 10)::text
             when kind = 'agency' then ${pick(AGENCIES, "(i % 20 + 0.5) / 20.0")} || case when i >= 200 then '（' || i || '）' else '' end
             else (case kind ${Object.entries(OTHERS)
               .map(([k, names]) => `when '${k}' then ${pick(names, "bench_u(h, 1)")}`)
               .join(" ")} end) || '（' || i || '）' end,
        'B' || lpad(i::text, 5, '0'), kind,
        case when i = 0 then null when kind = 'village' then bench_id('org:' || (i - i % 10 + 1), i - i % 10 + 1) else bench_id('org:0', 0) end,
        case when i = 0 then '/' || bench_id('org:0', 0) || '/'
             when kind = 'village' then '/' || bench_id('org:0', 0) || '/' || bench_id('org:' || (i - i % 10 + 1), i - i % 10 + 1) || '/' || bench_id('org:' || i, i) || '/'
             else '/' || bench_id('org:0', 0) || '/' || bench_id('org:' || i, i) || '/' end,
        ${pick(LEADERS, "bench_u(h, 2)")}, (array['A','B','B','C'])[1 + floor(bench_u(h, 3) * 4)::int], ${pick(LEADERS, "bench_u(h, 0)")},
        timestamptz '2022-01-01 08:00+08', timestamptz '2022-01-01 08:00+08'
      from bench_org`,
    `insert into terms (id, name, start_date, end_date) values (bench_id('term', 0), '十五届县委巡察', '2022-01-01', '2026-12-31')`,
    `insert into rounds (id, term_id, name, kind, theme, start_date, end_date)
      select bench_id('round:' || k, k), bench_id('term', 0), '第' || (${list(ROUND_NUMBERS)})[k + 1] || '轮巡察',
        case when k = 4 then 'special' when k = 8 then 'revisit' else 'regular' end,
        case when k = 4 then '乡村振兴领域专项巡察' else null end,
        date '2022-03-01' + k * 165, date '2022-03-01' + k * 165 + 60
      from generate_series(0, ${ROUNDS - 1}) as k`,
    `insert into teams (id, round_id, name)
      select bench_id('team:' || k || ':' || t, k * 10 + t), bench_id('round:' || k, k), '第' || (${list(ROUND_NUMBERS)})[t + 1] || '巡察组'
      from generate_series(0, ${ROUNDS - 1}) as k, generate_series(0, ${TEAMS - 1}) as t`,
    // Each org (not the county committee itself) is inspected 1–4 times in the term, in rounds 3 apart;
    // assignment sizes are skewed (weight 0.25–3.25, mostly small).
    `create temp table bench_asg0 as
      select row_number() over (order by o, j) - 1 as a, o, j, (o + j * 3) % ${ROUNDS} as rnd, (o + j) % ${TEAMS} as team,
        0.25 + 3 * power(bench_u(md5('${S}:asg:' || o || ':' || j), 0), 2) as w
      from generate_series(1, ${o.orgs - 1}) as o, generate_series(0, 3) as j
      where j < 1 + floor(bench_u(md5('${S}:asgn:' || o), 0) * 4)`,
    `create temp table bench_asg as
      select a, o, rnd, team, (c - coalesce(lag(c) over (order by a), 0))::int as cnt
      from (select *, round(${o.rows}::numeric * sum(w::numeric) over (order by a) / sum(w::numeric) over ()) as c from bench_asg0) as x`,
    `insert into assignments (id, round_id, team_id, org_id, entry_date, withdrawal_date, feedback_date)
      select bench_id('asg:' || a, a), bench_id('round:' || rnd, rnd), bench_id('team:' || rnd || ':' || team, rnd * 10 + team), bench_id('org:' || o, o),
        date '2022-03-01' + rnd * 165 + 3, date '2022-03-01' + rnd * 165 + 55, date '2022-03-01' + rnd * 165 + 90
      from bench_asg`,
    // Rows of an assignment in order; a new problem starts with probability 0.8; 4–8 problems per aspect.
    `create temp table bench_row0 as
      select row_number() over (order by x.a, g.i) as n, x.a, x.o, x.rnd, g.i, md5('${S}:row:' || x.a || ':' || g.i) as h
      from bench_asg as x, generate_series(1, x.cnt) as g(i)`,
    `create temp table bench_row as
      select *, row_number() over (partition by a, p order by i) as k, 1 + (p - 1) / (4 + a % 5) as asp
      from (select *, sum(case when i = 1 or bench_u(h, 0) < 0.8 then 1 else 0 end) over (partition by a order by i) as p from bench_row0) as y`,
    `insert into feedback_aspects (id, assignment_id, seq, title)
      select bench_id('asp:' || a || ':' || asp, a * 1000 + asp), bench_id('asg:' || a, a), asp, (${list(ASPECTS)})[1 + (asp - 1) % ${ASPECTS.length}]
      from (select distinct a, asp from bench_row) as z`,
    `insert into feedback_problems (id, assignment_id, aspect_id, seq, text)
      select bench_id('prob:' || a || ':' || p, a * 100000 + p), bench_id('asg:' || a, a), bench_id('asp:' || a || ':' || asp, a * 1000 + asp), p,
        ${problemText}
      from bench_row where k = 1`,
    `create temp table bench_lr as
      select r.*, fb, q,
        case when bench_u(r.h, 1) < 0.1 + 0.8 * (${ROUNDS - 1} - r.rnd) / ${ROUNDS - 1}.0 then 'closed'
             when bench_u(r.h, 1) < 0.18 + 0.8 * (${ROUNDS - 1} - r.rnd) / ${ROUNDS - 1}.0 then 'close_requested' else 'open' end as status,
        case when bench_u(r.h, 2) < 0.25 then 'immediate' when bench_u(r.h, 2) < 0.8 then 'by_deadline' else 'long_term' end as kind
      from bench_row as r, lateral (select date '2022-03-01' + r.rnd * 165 + 90 as fb, md5(r.h) as q) as l`,
    `insert into ledger_rows (id, org_id, assignment_id, problem_id, seq_label, seq, text, measures, responsible_leader, responsible_department,
        deadline, kind, progress, status, close_requested_by, close_requested_at, closed_by, closed_at, relapse_count, version, created_at, updated_at, created_by)
      select bench_id('row:' || n, n), bench_id('org:' || o, o), bench_id('asg:' || a, a), bench_id('prob:' || a || ':' || p, a * 100000 + p),
        p || '.' || k, i, ${pick(PROBLEM_HEADS, "bench_u(q, 0)")} || ${pick(PROBLEM_TAILS, "bench_u(q, 1)")},
        case when progress = 'not_started' then null else ${pick(MEASURES, "bench_u(q, 2)")} end,
        case when progress = 'not_started' and bench_u(q, 3) < 0.5 then null else ${pick(LEADERS, "bench_u(q, 3)")} end,
        case when progress = 'not_started' and bench_u(q, 3) < 0.5 then null else ${pick(DEPARTMENTS, "bench_u(q, 0)")} end,
        case when status = 'open' and bench_u(h, 3) < 0.03 then null
             when kind = 'immediate' then fb + 30 when kind = 'by_deadline' then fb + 60 + 30 * floor(bench_u(h, 3) * 5)::int
             else fb + 365 + floor(bench_u(h, 3) * 366)::int end,
        kind, progress, status,
        case when status <> 'open' then '${o.contactUserId}'::uuid end, req,
        case when status = 'closed' then '${o.officeUserId}'::uuid end, case when status = 'closed' then req + interval '10 days' end,
        case when status = 'closed' and bench_u(q, 1) < 0.02 then 1 else 0 end,
        case status when 'open' then 2 when 'close_requested' then 3 else 4 end,
        fb::timestamptz, coalesce(case when status = 'closed' then req + interval '10 days' end, req, fb + interval '20 days'), '${o.officeUserId}'::uuid
      from (select *,
          case status when 'closed' then (case when bench_u(h, 0) < 0.85 then 'done' when bench_u(h, 0) < 0.95 then 'significant_progress' else 'ongoing' end)
                      when 'close_requested' then (case when bench_u(h, 0) < 0.9 then 'done' else 'significant_progress' end)
                      else (case when bench_u(q, 3) < 0.15 then 'not_started' when bench_u(q, 3) < 0.6 then 'in_progress' when bench_u(q, 3) < 0.8 then 'ongoing'
                                 when bench_u(q, 3) < 0.93 then 'significant_progress' else 'done' end) end as progress,
          case when status <> 'open' then (fb + 20 + floor(bench_u(q, 2) * 300)::int)::timestamptz end as req
        from bench_lr) as v`,
    // Evidence: 1–2 files on rows that asked for or got close-out, one on 30% of rows in progress.
    `insert into evidence_files (id, row_id, file_name, mime_type, size, content_hash)
      select bench_id('ev:' || n || ':' || g.e, n * 4 + g.e), bench_id('row:' || n, n),
        (array['整改情况报告','会议纪要','制度文件','资金退缴凭证','现场照片'])[1 + (n + g.e) % 5] || g.e || '.pdf', 'application/pdf',
        20000 + floor(bench_u(q, 0) * 2000000)::int, md5(q || g.e) || md5(h || g.e)
      from bench_lr, generate_series(1, 2) as g(e)
      where (status <> 'open' and (g.e = 1 or bench_u(q, 1) < 0.5)) or (status = 'open' and g.e = 1 and bench_u(q, 2) < 0.3)`,
    ...recordStatements(S, ROUNDS, o.officeUserId, problemText),
    `drop table bench_org, bench_asg0, bench_asg, bench_row0, bench_row, bench_lr`,
    `drop function bench_u(text, int)`,
    `drop function bench_id(text, bigint)`,
  ];
}

/** Tables bulk-loaded: their secondary indexes are dropped before and rebuilt after (faster than row-by-row). */
export const LOADED_TABLES = [
  "orgs",
  "assignments",
  "feedback_aspects",
  "feedback_problems",
  "ledger_rows",
  "evidence_files",
  ...RECORD_TABLES,
];
