/** 部署同类同改 / 未巡先改 for a common problem, and 追加单位 to a campaign already launched. */
import { DatePicker, Form, Input, Radio } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo } from "react";
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, type CampaignKind } from "../../../domain/common.ts";
import { api } from "../../api.ts";
import { isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import { useGet } from "../../components/useGet.ts";
import { OrgTreePicker } from "./OrgTreePicker.tsx";
import type { CampaignDetail, CommonProblem, OrgOption } from "./types.ts";

export type CampaignFormTarget =
  { mode: "launch"; problem: CommonProblem } | { mode: "add"; campaign: CampaignDetail["campaign"]; takenOrgIds: string[] };

interface Values {
  kind: CampaignKind;
  title: string;
  instructions: string;
  dueDate: Dayjs | null;
  orgIds: string[];
}

export function CampaignFormModal({
  target,
  onClose,
  onSaved,
}: {
  target: CampaignFormTarget | null;
  onClose: () => void;
  onSaved: (campaignId: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const options = useGet<{ items: OrgOption[] }>(target ? "/api/campaigns/org-options" : null);
  const taken = useMemo(() => new Set(target?.mode === "add" ? target.takenOrgIds : []), [target]);
  const launch = target?.mode === "launch";

  return (
    <FormModal<Values>
      open={target !== null}
      title={launch ? `部署同类同改：${target.problem.title}` : "追加部署单位"}
      okText={launch ? "部署" : "追加"}
      form={form}
      name="campaignForm"
      width={760}
      destroyOnHidden
      initialValues={
        launch
          ? {
              kind: "fix_alike",
              title: `对照检查“${target.problem.title}”问题`,
              instructions: "",
              dueDate: dayjs(todayInChina()).add(2, "month"),
              orgIds: [],
            }
          : { orgIds: [] }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        let saved: CampaignDetail;
        if (target?.mode === "launch") {
          saved = await api.post<CampaignDetail>(`/api/common-problems/${target.problem.id}/campaigns`, {
            kind: v.kind,
            title: v.title.trim(),
            instructions: v.instructions.trim(),
            dueDate: isoOf(v.dueDate),
            orgIds: v.orgIds,
          });
        } else if (target?.mode === "add") {
          saved = await api.post<CampaignDetail>(`/api/campaigns/${target.campaign.id}/targets`, { orgIds: v.orgIds });
        } else return;
        onSaved(saved.campaign.id);
        return `已在 ${v.orgIds.length} 个单位的整改台账中生成自查条目`;
      }}
    >
      {launch && (
        <>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: "请选择同类同改或未巡先改" }]}>
            <Radio.Group
              optionType="button"
              options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: CAMPAIGN_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="自查事项"
            rules={[
              { required: true, whitespace: true, message: "请填写标题" },
              { max: 200, message: "不能超过 200 个字" },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="instructions"
            label="自查整改要求"
            rules={[
              { required: true, whitespace: true, message: "请填写自查整改要求" },
              { max: 4000, message: "不能超过 4000 个字" },
            ]}
          >
            <Input.TextArea rows={3} placeholder="对照什么、查什么、怎么改，需报送哪些佐证材料" />
          </Form.Item>
          <Form.Item name="dueDate" label="整改时限" rules={[{ required: true, message: "请选择整改时限" }]}>
            <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs(todayInChina()), "day")} />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="orgIds"
        label="部署单位（含尚未巡察的单位）"
        rules={[{ required: true, type: "array", min: 1, message: "请至少选择一个单位" }]}
      >
        <OrgTreePicker options={options.data?.items ?? []} taken={taken} />
      </Form.Item>
    </FormModal>
  );
}
