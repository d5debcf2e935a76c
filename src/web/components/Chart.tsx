/**
 * A minimal ECharts host: <Chart option={…} height={320} />. ECharts is loaded on first use (its own chunk),
 * resized with its container and disposed on unmount.
 */
import { Spin } from "antd";
import type { ECharts, EChartsOption } from "echarts";
import { useEffect, useRef, useState, type CSSProperties } from "react";

export interface ChartProps {
  option: EChartsOption;
  height?: number | string;
  style?: CSSProperties;
  /** Called with the chart instance, e.g. to listen to clicks. */
  onReady?: (chart: ECharts) => void;
}

export function Chart({ option, height = 320, style, onReady }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const readyCb = useRef(onReady);
  useEffect(() => {
    readyCb.current = onReady;
  }, [onReady]);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import("echarts").then((echarts) => {
      if (disposed || !host.current) return;
      const c = echarts.init(host.current, undefined, { renderer: "canvas" });
      chart.current = c;
      observer = new ResizeObserver(() => c.resize());
      observer.observe(host.current);
      setReady(true);
      readyCb.current?.(c);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <Spin spinning={!ready}>
      <div ref={host} style={{ width: "100%", height, ...style }} />
    </Spin>
  );
}

export default Chart;
