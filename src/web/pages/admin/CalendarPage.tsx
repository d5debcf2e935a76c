/** 工作日历 (system administrator): the State Council holiday arrangements that working days are counted on. */
import { ImportOutlined } from "@ant-design/icons";
import { App, Button, Calendar, Card, Col, Empty, Row, Space, Table, Tag, Typography, Upload } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { api } from "../../api.ts";
import { weekdayOf } from "../../components/format.ts";
import { useApiError } from "../../components/useApiError.ts";
import { useGet } from "../../components/useGet.ts";
import { parseCalendarFile } from "./calendarFile.ts";

interface YearItem {
  year: number;
  holidays: number;
  workdays: number;
  source: string | null;
}
interface Day {
  date: string;
  kind: "holiday" | "workday";
  name: string;
}

function DayCell({ d, day, inView }: { d: Dayjs; day: Day | undefined; inView: boolean }) {
  const holiday = day?.kind === "holiday";
  const weekend = d.day() === 0 || d.day() === 6;
  return (
    <div
      title={day ? `${day.name}（${holiday ? "放假" : "调休上班"}）` : undefined}
      style={{
        margin: "0 auto",
        width: 36,
        height: 38,
        paddingTop: 2,
        borderRadius: 4,
        lineHeight: "18px",
        background: holiday ? "#fff1f0" : day ? "#e6f4ff" : undefined,
        color: holiday ? "#cf1322" : day ? "#0958d9" : weekend ? "#8c8c8c" : undefined,
        opacity: inView ? 1 : 0.3,
      }}
    >
      <div>{d.date()}</div>
      <div style={{ fontSize: 11, lineHeight: "14px", fontWeight: 600 }}>{day ? (holiday ? "休" : "班") : " "}</div>
    </div>
  );
}

export default function CalendarPage() {
  const years = useGet<{ items: YearItem[] }>("/api/calendar/years");
  const [picked, setPicked] = useState<number | null>(null);
  const yearList = useMemo(() => [...(years.data?.items ?? [])].sort((a, b) => b.year - a.year), [years.data]);
  const thisYear = dayjs().year();
  const year = picked ?? yearList.find((y) => y.year === thisYear)?.year ?? yearList[0]?.year ?? null;
  const days = useGet<{ year: number; days: Day[] }>(year !== null ? `/api/calendar/${year}` : null);
  const [month, setMonth] = useState<Dayjs | null>(null);
  const { message, modal } = App.useApp();
  const showError = useApiError();

  const byDate = useMemo(() => new Map((days.data?.days ?? []).map((d) => [d.date, d])), [days.data]);
  const dayList = useMemo(() => [...(days.data?.days ?? [])].sort((a, b) => a.date.localeCompare(b.date)), [days.data]);
  const shown =
    month && year !== null && month.year() === year
      ? month
      : dayjs(`${year ?? thisYear}-${year === thisYear ? dayjs().format("MM") : "01"}-01`);

  const importFile = async (file: File) => {
    const parsed = parseCalendarFile(await file.text());
    if ("problems" in parsed) {
      modal.error({
        title: "文件内容有误，未导入",
        width: 560,
        content: (
          <ul style={{ paddingLeft: 20, maxHeight: 320, overflow: "auto" }}>
            {parsed.problems.slice(0, 30).map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ),
      });
      return;
    }
    const y = parsed.value;
    const h = y.days.filter((d) => d.kind === "holiday").length;
    const w = y.days.length - h;
    const exists = yearList.some((x) => x.year === y.year);
    modal.confirm({
      title: `导入 ${y.year} 年节假日安排？`,
      content: `放假 ${h} 天，调休上班 ${w} 天${y.source ? `（${y.source}）` : ""}。${exists ? `将替换 ${y.year} 年已有的安排，` : ""}此后按新安排计算工作日。`,
      okText: "导入",
      onOk: async () => {
        try {
          await api.put(`/api/calendar/${y.year}`, y);
          void message.success(`已导入 ${y.year} 年节假日安排`);
          setPicked(y.year);
          setMonth(null);
          years.reload();
          days.reload();
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  return (
    <Card
      title="工作日历"
      extra={
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(file) => {
            void importFile(file);
            return false;
          }}
        >
          <Button type="primary" icon={<ImportOutlined />}>
            导入年度安排
          </Button>
        </Upload>
      }
    >
      <Typography.Paragraph type="secondary">
        工作日按国务院办公厅公布的节假日安排计算：周六、周日休息，法定节假日放假（休），调休上班日（班）照常工作。导入文件格式：
        <Typography.Text code>
          {
            '{ "year": 2026, "source": "国办发明电〔2025〕…号", "days": [{ "date": "2026-01-01", "kind": "holiday", "name": "元旦" }] }'
          }
        </Typography.Text>
      </Typography.Paragraph>
      <Row gutter={24}>
        <Col xs={24} lg={9}>
          <Table<YearItem>
            rowKey="year"
            size="small"
            loading={years.loading}
            dataSource={yearList}
            pagination={false}
            locale={{ emptyText: <Empty description="尚未导入任何年度安排" /> }}
            onRow={(r) => ({ onClick: () => (setPicked(r.year), setMonth(null)), style: { cursor: "pointer" } })}
            rowClassName={(r) => (r.year === year ? "ant-table-row-selected" : "")}
            columns={[
              { title: "年度", dataIndex: "year", width: 70 },
              { title: "放假", dataIndex: "holidays", width: 60, render: (v: number) => `${v} 天` },
              { title: "调休上班", dataIndex: "workdays", width: 80, render: (v: number) => `${v} 天` },
              { title: "来源", dataIndex: "source", ellipsis: true, render: (v: string | null) => v || "—" },
            ]}
          />
        </Col>
        <Col xs={24} lg={15}>
          {year === null ? (
            <Empty description="请先导入年度安排" />
          ) : (
            <Space direction="vertical" style={{ width: "100%" }} size="middle">
              <Space>
                <Typography.Text strong>{year} 年</Typography.Text>
                <Tag color="red">休 = 放假</Tag>
                <Tag color="blue">班 = 调休上班</Tag>
              </Space>
              <div style={{ border: "1px solid #f0f0f0", borderRadius: 8 }}>
                <Calendar
                  fullscreen={false}
                  value={shown}
                  validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
                  onPanelChange={(d) => setMonth(d)}
                  onChange={(d) => setMonth(d)}
                  fullCellRender={(d, info) =>
                    info.type === "date" ? (
                      <DayCell d={d} day={byDate.get(d.format("YYYY-MM-DD"))} inView={d.month() === shown.month()} />
                    ) : (
                      info.originNode
                    )
                  }
                />
              </div>
              <Table<Day>
                rowKey="date"
                size="small"
                loading={days.loading}
                dataSource={dayList}
                pagination={false}
                scroll={{ y: 360 }}
                locale={{ emptyText: <Empty description="该年度没有节假日安排" /> }}
                columns={[
                  { title: "日期", dataIndex: "date", width: 120 },
                  { title: "星期", dataIndex: "date", key: "weekday", width: 70, render: (v: string) => weekdayOf(v) },
                  {
                    title: "安排",
                    dataIndex: "kind",
                    width: 110,
                    render: (v: Day["kind"]) =>
                      v === "holiday" ? <Tag color="red">休 · 放假</Tag> : <Tag color="blue">班 · 调休上班</Tag>,
                  },
                  { title: "节日", dataIndex: "name" },
                ]}
              />
            </Space>
          )}
        </Col>
      </Row>
    </Card>
  );
}
