// A code's figures side by side as bars (ECharts, SVG renderer, as the simulator's report chart).
import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export function StatsChart({ labels, values }: { labels: string[]; values: number[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify([labels, values]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#c0265f' }, barMaxWidth: 32 }],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
    // `key` stands for the labels and figures: redraw only when they change.
  }, [key]);
  return <div ref={ref} className="chart ch-chart" data-testid="code-chart" />;
}
