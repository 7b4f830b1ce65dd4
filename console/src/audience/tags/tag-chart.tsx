// The tags with the most members as a horizontal bar chart. Only the ECharts parts used here are
// registered, so the console bundle does not carry the whole library.
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Tag } from '../types.js';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const TOP = 10;

export function TagChart({ tags }: { tags: Tag[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const top = [...tags]
    .sort((a, b) => b.members - a.members)
    .slice(0, TOP)
    .reverse();
  const names = top.map((x) => x.name);
  const values = top.map((x) => x.members);
  const key = JSON.stringify([names, values]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    const accent = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
    chart.setOption({
      // A small static figure: no grow-in animation, so it reads at once (and in screenshots).
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names },
      series: [{ type: 'bar', data: values, itemStyle: { color: accent || '#c0265f' }, barMaxWidth: 18 }],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
    // `key` stands for names and values: redraw only when the figures change.
  }, [key]);

  return <div ref={ref} className="chart" style={{ height: 28 * top.length + 40 }} data-testid="tag-chart" />;
}
