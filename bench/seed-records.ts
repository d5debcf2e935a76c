/**
 * The records besides the ledger that the statistics count, generated after the ledger rows from the same seed
 * and the same temporary tables (bench_org, bench_asg, bench_row): the findings of one in four feedback problems
 * (categories of the default taxonomy), hearings, leads with the people they name, a secretary's meeting per round with its
 * directives, supervision and reminder letters about open rows, rules made, the talent pool with its trainings,
 * and the term's coverage scope. All sizes but the findings are modest (thousands), so the load barely slows.
 */

const list = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

/** First-level codes and (code, weight) of the default taxonomy's second level (src/domain/taxonomy.ts). */
const CATEGORIES: Array<[string, string[]]> = [
  ["party_leadership", ["decisions", "political_building", "ideology"]],
  [
    "strict_governance",
    ["main_responsibility", "supervisory_responsibility", "eight_rules", "four_styles", "integrity", "corruption_near_people"],
  ],
  ["party_building", ["organisation_building", "cadres", "branch_life", "party_members"]],
  ["core_mandate", ["mandate", "business"]],
  ["prior_rectification", ["inspection", "audit", "other_supervision"]],
];
/** Share of each first-level category, as in the seeds' summaries (strict governance most, prior rectification least). */
const CATEGORY_CUT = [0.22, 0.55, 0.78, 0.93];
const SOURCES = ["interview", "petition", "documents", "spot_check", "survey", "other"];
const SURNAMES = ["张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
const GIVEN = ["伟", "芳", "强", "洋", "静", "军", "敏", "磊", "涛", "霞", "斌", "丽", "勇", "艳", "杰", "娟"];
const POSITIONS = ["党组书记", "局长", "副局长", "镇党委书记", "镇长", "村党支部书记", "村委会主任", "财务负责人", "股长"];
const LEAD_TEXTS = [
  "反映其在工程项目发包中违规插手干预，涉嫌收受好处费。",
  "反映其利用职务便利虚报冒领惠民补贴资金。",
  "反映其违规公款吃喝、超标准公务接待。",
  "反映其在干部选拔任用中搞“小圈子”，违规提拔亲属。",
  "反映其违规发放津贴补贴，套取专项资金。",
  "反映其长期违规借用下属单位公车。",
];
const DIRECTIVE_ACTIONS = [
  "对相关责任人进行约谈，督促限期整改到位。",
  "由县纪委监委依规依纪依法处置。",
  "组织部门对领导班子进行调整优化。",
  "相关部门开展专项治理，建立长效机制。",
  "责成主管部门全面清查，追回违规资金。",
];
const RULE_TITLES = [
  "“三重一大”事项集体决策制度",
  "财务报销审批管理办法",
  "工程项目招投标管理规定",
  "公务接待管理实施细则",
  "党员教育管理制度",
  "村级小微权力清单",
  "专项资金使用监管办法",
  "意识形态工作责任制实施办法",
];
const UNITS = [
  "县纪委监委",
  "县委组织部",
  "县审计局",
  "县财政局",
  "县委巡察办",
  "县司法局",
  "县住房和城乡建设局",
  "县农业农村局",
];
const TRAININGS = ["巡察业务培训班", "巡察干部能力提升培训", "新进巡察人才库人员培训", "巡察整改监督专题培训"];

/** The data's "today": what happened before it is recorded (hearings, meetings, letters, rules, trainings). */
const AS_OF = "2026-11-01";

/**
 * SQL statements to run after the ledger rows and evidence files, before the temporary tables are dropped.
 * `S` is the seed's md5 prefix, `rounds` the number of rounds, `officeUserId` the office user closing things,
 * `problemText` the SQL expression of a problem's text over bench_row's hash `h` (a finding reads as its problem).
 */
export function recordStatements(S: string, rounds: number, officeUserId: string, problemText: string): string[] {
  const pick = (arr: string[], u: string) => `(${list(arr)})[1 + floor(${u} * ${arr.length})::int]`;
  const name = (h: string) => `${pick(SURNAMES, `bench_u(${h}, 0)`)} || ${pick(GIVEN, `bench_u(${h}, 1)`)}`;
  const cat = (u: string) =>
    `case ${CATEGORY_CUT.map((c, i) => `when ${u} < ${c} then ${i}`).join(" ")} else ${CATEGORY_CUT.length} end`;
  const codes = list(CATEGORIES.map(([c]) => c));
  // Second level: the i-th category's children, indexed by another draw.
  const sub = (ci: string, u: string) =>
    `case ${ci} ${CATEGORIES.map(([c, subs], i) => `when ${i} then '${c}.' || ${pick(subs, u)}`).join(" ")} end`;
  const office = `'${officeUserId}'::uuid`;
  return [
    // Hearings: the leading group heard each report 10–45 days after withdrawal (the default limit is 30).
    `update assignments set hearing_date = withdrawal_date + 10 + floor(bench_u(md5('${S}:hear:' || id), 0) * 36)::int
      where withdrawal_date + 45 < date '${AS_OF}'`,
    // Findings: one in four feedback problems has its finding recorded (registered on site, between entry and
    // withdrawal). The assignment's and organisation's ids are computed once per assignment (bench_id is not cheap).
    `create temp table bench_aid as select a, bench_id('asg:' || a, a) as asg_id, bench_id('org:' || o, o) as org_id from bench_asg`,
    `insert into findings (id, assignment_id, org_id, text, category, subcategory, characterisation, is_common, is_core_mandate,
        involves_top_leader, source, problem_id, immediate_fix, created_at, updated_at, created_by)
      select bench_id('fnd:' || r.a || ':' || p, r.a * 100000 + p), asg_id, org_id,
        t.text, (${codes})[ci + 1], ${sub("ci", "bench_u(f, 1)")},
        case when bench_u(f, 2) < 0.3 then '违反中央八项规定精神' when bench_u(f, 2) < 0.5 then '违反组织纪律' end,
        bench_u(g, 0) < 0.2, ci = 3 or bench_u(g, 1) < 0.25, bench_u(g, 2) < 0.05, ${pick(SOURCES, "bench_u(g, 3)")},
        bench_id('prob:' || r.a || ':' || p, r.a * 100000 + p), bench_u(f, 2) > 0.9, at, at, ${office}
      from bench_row as r join bench_aid using (a), lateral (select md5('${S}:fnd:' || r.h) as f) as m,
        lateral (select md5(f) as g, ${cat("bench_u(f, 0)")} as ci, ${problemText} as text,
          (date '2022-03-01' + rnd * 165 + 3 + floor(bench_u(f, 0) * 52)::int)::timestamptz + interval '9 hours' as at) as t
      where r.k = 1 and bench_u(f, 3) < 0.25`,
    // Leads: 0–4 per assignment (most have one or two), three classes; the commission's handling follows the round's age.
    `create temp table bench_lead as
      select row_number() over (order by x.a, g.j) as n, x.a, x.o, x.rnd, md5('${S}:lead:' || x.a || ':' || g.j) as h
      from bench_asg as x, generate_series(1, 4) as g(j)
      where g.j <= floor(bench_u(md5('${S}:leads:' || x.a), 0) * 3.2)`,
    `insert into leads (id, assignment_id, org_id, lead_class, summary, responsible_person, responsible_unit, transferred_on, receiving_office,
        during_inspection, status, preliminary_on, filed_on, concluded_on, concluded_form, created_at, updated_at, created_by)
      select bench_id('lead:' || n, n), bench_id('asg:' || a, a), bench_id('org:' || o, o),
        case when bench_u(h, 0) < 0.3 then 'priority' when bench_u(h, 0) < 0.75 then 'attention' else 'reference' end,
        ${pick(LEAD_TEXTS, "bench_u(h, 1)")},
        case when bench_u(h, 2) < 0.85 then ${name("h")} end, case when bench_u(h, 2) >= 0.85 then '被巡察单位' end,
        tr, '县纪委监委', bench_u(h, 3) < 0.3, st,
        case when st <> 'pending' then tr + 20 end, case when st = 'case_filed' then tr + 60 end,
        case when st in ('no_case', 'concluded') then tr + 75 end,
        case when st = 'concluded' then (array['first','first','second','third'])[1 + floor(bench_u(h, 1) * 4)::int] end,
        tr::timestamptz, tr::timestamptz, ${office}
      from (select *, date '2022-03-01' + rnd * 165 + 50 + floor(bench_u(h, 3) * 40)::int as tr,
          case when bench_u(h, 1) < 0.25 * (${rounds - 1} - rnd) / ${rounds - 1}.0 then 'case_filed'
               when bench_u(h, 1) < 0.85 * (${rounds - 1} - rnd) / ${rounds - 1}.0 then (case when bench_u(h, 2) < 0.3 then 'no_case' else 'concluded' end)
               when bench_u(h, 1) < 0.95 * (${rounds - 1} - rnd) / ${rounds - 1}.0 + 0.05 then 'preliminary_check' else 'pending' end as st
        from bench_lead) as v`,
    `insert into lead_people (id, lead_id, name, position, rank)
      select bench_id('lp:' || n || ':' || g.j, n * 4 + g.j), bench_id('lead:' || n, n), ${name("md5(h || g.j)")},
        ${pick(POSITIONS, "bench_u(md5(h || g.j), 2)")},
        case when bench_u(md5(h || g.j), 3) < 0.1 then 'county' when bench_u(md5(h || g.j), 3) < 0.55 then 'section' else 'staff' end
      from bench_lead, generate_series(1, 3) as g(j) where g.j <= 1 + floor(bench_u(h, 2) * 2.5)`,
    // A secretary's meeting after each round's reports; directives on about a tenth of the round's organisations.
    `insert into secretary_meetings (id, held_on, title, created_at, updated_at, created_by)
      select bench_id('meeting:' || k, k), date '2022-03-01' + k * 165 + 75, '第' || (k + 1) || '轮巡察情况书记专题会议',
        (date '2022-03-01' + k * 165 + 75)::timestamptz, (date '2022-03-01' + k * 165 + 75)::timestamptz, ${office}
      from generate_series(0, ${rounds - 1}) as k where date '2022-03-01' + k * 165 + 75 < date '${AS_OF}'`,
    `insert into directives (id, meeting_id, kind, target, org_id, action, owner, due_date, status, report, reported_at, closed_at, closed_by,
        created_at, updated_at, created_by)
      select bench_id('dir:' || a, a), bench_id('meeting:' || rnd, rnd), case when bench_u(h, 0) < 0.4 then 'person' else 'matter' end,
        case when bench_u(h, 0) < 0.4 then ${name("h")} else '整改推进缓慢问题' end, bench_id('org:' || o, o),
        ${pick(DIRECTIVE_ACTIONS, "bench_u(h, 1)")}, ${pick(UNITS, "bench_u(md5(h), 0)")}, held + 60, st,
        case when st <> 'open' then '已按要求办结，相关材料已报送。' end,
        case when st <> 'open' then (held + 50)::timestamptz end, case when st = 'closed' then (held + 58)::timestamptz end,
        case when st = 'closed' then ${office} end, held::timestamptz, held::timestamptz, ${office}
      from (select x.*, d.h, date '2022-03-01' + x.rnd * 165 + 75 as held,
          case when bench_u(d.h, 3) < 0.15 + 0.85 * (${rounds - 1} - x.rnd) / ${rounds - 1}.0 then 'closed'
               when bench_u(d.h, 3) < 0.3 + 0.85 * (${rounds - 1} - x.rnd) / ${rounds - 1}.0 then 'reported' else 'open' end as st
        from bench_asg as x, lateral (select md5('${S}:dir:' || x.a) as h) as d
        where bench_u(d.h, 2) < 0.1 and date '2022-03-01' + x.rnd * 165 + 75 < date '${AS_OF}') as v`,
    // Letters: a supervision letter to a fifth of the assignments 4 months after feedback (about their open rows),
    // a reminder to the supervising leader of a tenth, each about its first five rows; numbered per year and kind;
    // most answered, some late.
    `create temp table bench_letter as
      select x.a, x.o, x.rnd, kind, h, sent, extract(year from sent)::int as year,
        row_number() over (partition by kind, extract(year from sent) order by sent, x.a) as number
      from bench_asg as x, lateral (select md5('${S}:letter:' || x.a) as h) as l,
        lateral (select case when bench_u(h, 0) < 0.2 then 'supervision' when bench_u(h, 0) < 0.3 then 'reminder' end as kind,
                        date '2022-03-01' + x.rnd * 165 + 90 + 120 + floor(bench_u(h, 1) * 20)::int as sent) as s
      where kind is not null and sent < date '${AS_OF}'`,
    `insert into letters (id, kind, year, number, addressee, addressee_org_id, subject, body, sent_on, reply_due, reply_text, replied_on,
        created_at, updated_at, created_by)
      select bench_id('letter:' || a, a), kind, year, number, case kind when 'supervision' then '被巡察党组织' else '分管县级领导' end,
        bench_id('org:' || o, o),
        case kind when 'supervision' then '关于督促加快巡察整改进度的函' else '关于切实履行巡察整改督促责任的工作提示' end,
        '请于收函后15个工作日内书面报告整改进展。', sent, sent + 21,
        case when bench_u(h, 2) < 0.8 then '已按要求组织整改，现将进展报告如下。' end,
        case when bench_u(h, 2) < 0.8 then sent + 5 + floor(bench_u(h, 3) * 25)::int end,
        sent::timestamptz, sent::timestamptz, ${office}
      from bench_letter`,
    `insert into letter_items (id, letter_id, row_id, created_by)
      select bench_id('li:' || l.a || ':' || r.i, l.a * 1000 + r.i), bench_id('letter:' || l.a, l.a), bench_id('row:' || r.n, r.n), ${office}
      from bench_letter as l join bench_row as r on r.a = l.a and r.i <= 5`,
    // Rules made: 0–3 per assignment, adopted in the rectification period, each against the assignment's first finding
    // (findings' indexes are dropped during the load, so the first findings are grouped once).
    `create temp table bench_rule_f as select assignment_id, min(id::text)::uuid as id from findings group by assignment_id`,
    `create temp table bench_rule as
      select x.a, x.o, x.rnd, g.j, md5('${S}:rule:' || x.a || ':' || g.j) as h
      from bench_asg as x, generate_series(1, 3) as g(j)
      where x.cnt > 0 and g.j <= floor(bench_u(md5('${S}:rules:' || x.a), 0) * 3.5)
        and date '2022-03-01' + x.rnd * 165 + 150 < date '${AS_OF}'`,
    `insert into rules_made (id, org_id, title, kind, adopted_on, created_at, updated_at, created_by)
      select bench_id('rule:' || a || ':' || j, a * 4 + j), bench_id('org:' || o, o), ${pick(RULE_TITLES, "bench_u(h, 0)")},
        case when bench_u(h, 1) < 0.6 then 'new' else 'revised' end, adopted, adopted::timestamptz, adopted::timestamptz, ${office}
      from bench_rule, lateral (select date '2022-03-01' + rnd * 165 + 100 + floor(bench_u(h, 2) * 50)::int as adopted) as d`,
    `insert into rule_findings (id, rule_id, finding_id, created_by)
      select bench_id('rf:' || a || ':' || j, a * 4 + j), bench_id('rule:' || a || ':' || j, a * 4 + j), f.id, ${office}
      from bench_rule join bench_aid using (a) join bench_rule_f as f on f.assignment_id = asg_id`,
    // The talent pool: 400 people; trainings three times a year with 20–60 of them.
    `insert into pool_people (id, name, unit, position, rank, party_status, specialties, status, removed_reason, removed_on, leader_pool,
        created_at, updated_at, created_by)
      select bench_id('pool:' || i, i), ${name("h")}, ${pick(UNITS, "bench_u(h, 2)")}, ${pick(POSITIONS, "bench_u(h, 3)")},
        case when bench_u(h, 0) < 0.15 then 'county' when bench_u(h, 0) < 0.6 then 'section' else 'staff' end,
        case when bench_u(h, 1) < 0.93 then 'full' when bench_u(h, 1) < 0.97 then 'probationary' else 'none' end,
        jsonb_build_array((array['财务','审计','纪检','组织人事','法律','工程'])[1 + floor(bench_u(h, 2) * 6)::int]),
        case when bench_u(h, 3) < 0.05 then 'removed' when bench_u(h, 3) < 0.6 then 'formal' else 'reserve' end,
        case when bench_u(h, 3) < 0.05 then '年度考核不合格' end, case when bench_u(h, 3) < 0.05 then date '2024-06-30' end,
        bench_u(h, 0) < 0.15, timestamptz '2022-01-01 08:00+08', timestamptz '2022-01-01 08:00+08', ${office}
      from generate_series(0, 399) as i, lateral (select md5('${S}:pool:' || i) as h) as p`,
    `insert into trainings (id, title, held_on, days, organiser, created_at, updated_at, created_by)
      select bench_id('training:' || t, t), ${pick(TRAININGS, "bench_u(md5('" + S + ":tr:' || t), 0)")},
        date '2022-03-15' + t * 120, 2 + t % 3, '县委巡察办', (date '2022-03-15' + t * 120)::timestamptz,
        (date '2022-03-15' + t * 120)::timestamptz, ${office}
      from generate_series(0, 14) as t where date '2022-03-15' + t * 120 < date '${AS_OF}'`,
    `insert into training_attendees (id, training_id, person_id, created_by)
      select bench_id('ta:' || t || ':' || i, t * 1000 + i), bench_id('training:' || t, t), bench_id('pool:' || i, i), ${office}
      from generate_series(0, 14) as t, generate_series(0, 399) as i
      where date '2022-03-15' + t * 120 < date '${AS_OF}' and bench_u(md5('${S}:ta:' || t || ':' || i), 0) < 0.05 + 0.1 * (t % 2)`,
    // Coverage: every township, village, agency, SOE, school and hospital must be inspected in the term.
    `insert into coverage_scopes (id, term_id, org_kind, created_by)
      select bench_id('scope:' || k, i), bench_id('term', 0), k, ${office}
      from unnest(array['township','village','agency','soe','school','hospital']) with ordinality as u(k, i)`,
    `drop table bench_aid, bench_lead, bench_letter, bench_rule, bench_rule_f`,
  ];
}

/** Tables of records whose secondary indexes the load drops and rebuilds (the large ones). */
export const RECORD_TABLES = ["findings", "leads", "letter_items"];
