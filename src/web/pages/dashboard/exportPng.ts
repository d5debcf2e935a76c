/**
 * Saves a chart as a PNG for a report or a slide: the chart drawn by ECharts (getDataURL, white background, twice the
 * screen resolution) under a heading with its title and the filter it shows, so the picture says what it is on its
 * own. File name: the title and today's date.
 */
import type { ECharts } from "echarts";
import { todayInChina } from "../../components/format.ts";
import { saveBlob } from "../../api.ts";

const PIXEL_RATIO = 2;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error("图表图片生成失败"));
    img.src = src;
  });
}

/** "整改完成率（按轮次）-2024-07-01.png"; characters a file system refuses are replaced. */
export const pngFileName = (title: string): string => `${title.replace(/[\\/:*?"<>|]/g, "_")}-${todayInChina()}.png`;

export async function exportChartPng(chart: ECharts, title: string, subtitle: string): Promise<void> {
  const chartImage = await loadImage(
    chart.getDataURL({ type: "png", pixelRatio: PIXEL_RATIO, backgroundColor: "#fff", excludeComponents: ["toolbox"] }),
  );
  const pad = 16 * PIXEL_RATIO;
  const titleSize = 16 * PIXEL_RATIO;
  const subSize = 12 * PIXEL_RATIO;
  const header = pad + titleSize + (subtitle ? 8 * PIXEL_RATIO + subSize : 0) + pad;
  const canvas = document.createElement("canvas");
  canvas.width = chartImage.width + 2 * pad;
  canvas.height = header + chartImage.height + pad;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("浏览器不支持导出图片");
  g.fillStyle = "#fff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  const font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  g.textBaseline = "top";
  g.fillStyle = "#1f1f1f";
  g.font = `bold ${titleSize}px ${font}`;
  g.fillText(title, pad, pad);
  if (subtitle) {
    g.fillStyle = "#8c8c8c";
    g.font = `${subSize}px ${font}`;
    g.fillText(subtitle, pad, pad + titleSize + 8 * PIXEL_RATIO);
  }
  g.drawImage(chartImage, pad, header);

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("图表图片生成失败");
  saveBlob(blob, pngFileName(title));
}
