// Touches of a rehearsal by flow step, stacked by final state; loaded lazily (ECharts is large).
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { SimulationReport } from '../types.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const COLORS: Record<string, string> = {
  sent: '#1b7f4b',
  held: '#d4a017',
  planned: '#8aa1c1',
  failed: '#e07b39',
  dead: '#c62828',
  cancelled: '#9ca3af',
  unknown: '#7c3aed',
};

export function ReportChart({
  report,
  stateLabel,
}: {
  report: SimulationReport;
  stateLabel: (s: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const rows = report.touches.byFlow;
  const states = [...new Set(rows.flatMap((r) => Object.keys(r.byState)))];
  const labels = rows.map((r) => `${r.flow} · ${r.step}`);
  const key = JSON.stringify([labels, rows.map((r) => r.byState), states.map(stateLabel)]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: states.map((s) => ({
        type: 'bar',
        name: stateLabel(s),
        stack: 'state',
        data: rows.map((r) => r.byState[s] ?? 0),
        itemStyle: { color: COLORS[s] ?? '#c0265f' },
        barMaxWidth: 22,
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
    // `key` stands for the figures and labels: redraw only when they change.
  }, [key]);

  return (
    <div ref={ref} className="chart" style={{ height: 36 * rows.length + 72 }} data-testid="sim-chart" />
  );
}
