/** 登记集中整改期情况: the meeting and who attended, the progress report, the internal notice and the public announcement. */
import { Checkbox, DatePicker, Divider, Form, Input, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { PERIOD_ITEM_LABELS } from "../../../domain/period.ts";
import { api } from "../../api.ts";
import { dayOf, isoOf, todayInChina } from "../../components/format.ts";
import { FormModal } from "../../components/FormModal.tsx";
import type { Period } from "./types.ts";

interface Values {
  meetingDate?: Dayjs | null;
  meetingAttendees?: string;
  commissionAttended: boolean;
  orgDeptAttended: boolean;
  progressReportDate?: Dayjs | null;
  progressReportNote?: string;
  internalNoticeDate?: Dayjs | null;
  publicAnnouncementDate?: Dayjs | null;
  publicAnnouncementPlace?: string;
}

export function PeriodFormModal({
  period,
  onClose,
  onSaved,
}: {
  period: Period | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const meetingDate = Form.useWatch("meetingDate", form);
  const announced = Form.useWatch("publicAnnouncementDate", form);
  const today = todayInChina();
  // Dates are when things were done: between feedback and today.
  const outside = (d: Dayjs) => !!period && (d.format("YYYY-MM-DD") < period.feedbackDate || d.format("YYYY-MM-DD") > today);
  const datePicker = <DatePicker style={{ width: "100%" }} disabledDate={outside} />;

  return (
    <FormModal<Values>
      open={period !== null}
      title={`集中整改期情况：${period?.orgName ?? ""}`}
      okText="保存"
      form={form}
      name="periodForm"
      width={640}
      destroyOnHidden
      initialValues={
        period
          ? {
              meetingDate: dayOf(period.meetingDate),
              meetingAttendees: period.meetingAttendees ?? undefined,
              commissionAttended: period.commissionAttended,
              orgDeptAttended: period.orgDeptAttended,
              progressReportDate: dayOf(period.progressReportDate),
              progressReportNote: period.progressReportNote ?? undefined,
              internalNoticeDate: dayOf(period.internalNoticeDate),
              publicAnnouncementDate: dayOf(period.publicAnnouncementDate),
              publicAnnouncementPlace: period.publicAnnouncementPlace ?? undefined,
            }
          : undefined
      }
      onClose={onClose}
      onSubmit={async (v) => {
        if (!period) return;
        await api.put(`/api/assignments/${period.assignmentId}/period`, {
          meetingDate: isoOf(v.meetingDate) ?? null,
          meetingAttendees: v.meetingAttendees?.trim() || null,
          commissionAttended: v.meetingDate ? v.commissionAttended : false,
          orgDeptAttended: v.meetingDate ? v.orgDeptAttended : false,
          progressReportDate: isoOf(v.progressReportDate) ?? null,
          progressReportNote: v.progressReportNote?.trim() || null,
          internalNoticeDate: isoOf(v.internalNoticeDate) ?? null,
          publicAnnouncementDate: isoOf(v.publicAnnouncementDate) ?? null,
          publicAnnouncementPlace: v.publicAnnouncementPlace?.trim() || null,
          version: period.version,
        });
        onSaved();
        return `已保存${period.orgName}的集中整改期情况`;
      }}
    >
      {period && (
        <Typography.Paragraph type="secondary">
          反馈日期 {period.feedbackDate}，集中整改期 {period.start} 至 {period.end}
          。各项日期须在反馈之后、不晚于今天；整改期结束后完成的记为逾期。
        </Typography.Paragraph>
      )}
      <Divider orientation="left" plain>
        {PERIOD_ITEM_LABELS.meeting}
      </Divider>
      <Form.Item name="meetingDate" label="召开日期">
        {datePicker}
      </Form.Item>
      <Form.Item name="meetingAttendees" label="参会人员" rules={[{ max: 1000, message: "不能超过 1000 个字" }]}>
        <Input.TextArea rows={2} disabled={!meetingDate} placeholder="如：党组（党委）班子成员；纪委监委、组织部列席人员" />
      </Form.Item>
      <Space size="large">
        <Form.Item name="commissionAttended" valuePropName="checked" noStyle>
          <Checkbox disabled={!meetingDate}>纪委监委列席</Checkbox>
        </Form.Item>
        <Form.Item name="orgDeptAttended" valuePropName="checked" noStyle>
          <Checkbox disabled={!meetingDate}>组织部列席</Checkbox>
        </Form.Item>
      </Space>
      <Divider orientation="left" plain>
        {PERIOD_ITEM_LABELS.progressReport}
      </Divider>
      <Form.Item name="progressReportDate" label="报告日期">
        {datePicker}
      </Form.Item>
      <Form.Item name="progressReportNote" label="报告摘要" rules={[{ max: 4000, message: "不能超过 4000 个字" }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Divider orientation="left" plain>
        双公开
      </Divider>
      <Form.Item name="internalNoticeDate" label={`${PERIOD_ITEM_LABELS.internalNotice}日期`}>
        {datePicker}
      </Form.Item>
      <Form.Item name="publicAnnouncementDate" label={`${PERIOD_ITEM_LABELS.publicAnnouncement}日期`}>
        {datePicker}
      </Form.Item>
      <Form.Item
        name="publicAnnouncementPlace"
        label="公开地点或方式"
        rules={[
          { required: !!announced, whitespace: true, message: "请填写社会公开的地点或方式" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input placeholder="如：县政府门户网站、单位公示栏" />
      </Form.Item>
    </FormModal>
  );
}
