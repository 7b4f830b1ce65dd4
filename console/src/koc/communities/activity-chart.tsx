// Messages per day in the community's groups (stacked by group) over the stats window.
import type { CommunityStats } from '../types.js';
import { useChart } from '../use-chart.js';

const DAY_MS = 86_400_000;
const COLORS = ['#d14f82', '#8aa1c1', '#e0a03b', '#1b7f4b', '#7c3aed'];

export function ActivityChart({ stats }: { stats: CommunityStats }) {
  const today = Math.floor(Date.now() / DAY_MS);
  const days = Array.from({ length: stats.days }, (_, i) =>
    new Date((today - stats.days + 1 + i) * DAY_MS).toISOString().slice(0, 10),
  );
  const key = JSON.stringify([days, stats.groups.map((g) => g.daily)]);
  const ref = useChart(
    {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: stats.groups.map((g, i) => {
        const byDay = new Map(g.daily.map((d) => [d.day, d.messages]));
        return {
          type: 'bar',
          name: g.name,
          stack: 'messages',
          data: days.map((d) => byDay.get(d) ?? 0),
          itemStyle: { color: COLORS[i % COLORS.length] },
        };
      }),
    },
    key,
  );
  return <div ref={ref} className="chart koc-chart" data-testid="community-activity" />;
}
