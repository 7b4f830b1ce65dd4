// Cumulative de-duplicated reach after each pick (line), with each pick's marginal gain (bars).
import { useLang, useT } from '../../i18n/index.js';
import type { Selection } from '../types.js';
import { accentColor, useChart } from '../use-chart.js';

export function ReachCurve({ selection }: { selection: Selection }) {
  const t = useT();
  const { lang } = useLang();
  const names = selection.picks.map((p, i) => `${i + 1}. ${p.name}`);
  const reachName = t('koc.select.cumulative');
  const marginalName = t('koc.select.marginal');
  const key = JSON.stringify([names, selection.curve, selection.marginal, lang]);
  const ref = useChart(
    {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { show: names.length <= 12, interval: 0, rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: reachName,
          data: selection.curve,
          itemStyle: { color: accentColor() },
          areaStyle: { opacity: 0.08 },
          symbolSize: 6,
        },
        { type: 'bar', name: marginalName, data: selection.marginal, itemStyle: { color: '#8aa1c1' } },
      ],
    },
    key,
  );
  return <div ref={ref} className="chart koc-chart" data-testid="reach-curve" />;
}
