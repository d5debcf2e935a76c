/**
 * 问责与制度: accountability for poor rectification (通报、约谈、党纪处分、组织处理) and the rules organisations made
 * because of their findings. The office, commission and organisation dept. record accountability; the office records
 * rules (an organisation's contact may too, through the API).
 */
import { Tabs } from "antd";
import { useSearchParams } from "react-router-dom";
import { useMe } from "../../session.tsx";
import { AccountabilityTab } from "./AccountabilityTab.tsx";
import { RulesTab } from "./RulesTab.tsx";

const RECORDERS = new Set(["office_staff", "office_head", "commission", "org_dept"]);

export default function AccountabilityPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "rules" ? "rules" : "accountability";
  const recordsAccountability = me.roles.some((r) => RECORDERS.has(r.role));

  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => setParams(k === "rules" ? { tab: "rules" } : {}, { replace: true })}
      items={[
        {
          key: "accountability",
          label: "问责情况",
          children: <AccountabilityTab canRecord={recordsAccountability} />,
        },
        { key: "rules", label: "制度建设", children: <RulesTab canRecord={me.can.manageRounds} /> },
      ]}
    />
  );
}
