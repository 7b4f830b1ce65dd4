// Fans per tier as a funnel, widest at the bottom tier (路人粉) and narrowing to the leaders.
import { useLang } from '../../i18n/index.js';
import { formatCount } from '../labels.js';
import type { TierCount } from '../types.js';
import { useChart } from '../use-chart.js';

const COLORS = ['#f3c1d3', '#e888ab', '#d14f82', '#9c1c52'];

export function FunnelChart({ counts }: { counts: TierCount[] }) {
  const { lang } = useLang();
  const key = JSON.stringify([counts, lang]);
  const ref = useChart(
    {
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '10%',
          width: '80%',
          minSize: '12%',
          gap: 2,
          // Sized by rank, not by count: the top tiers are a tiny share of the fans and would vanish.
          data: counts.map((c, i) => ({
            name: c.name,
            value: counts.length - i,
            count: c.count,
            itemStyle: { color: COLORS[i % COLORS.length] },
          })),
          label: {
            position: 'inside',
            formatter: (p: unknown) => {
              const d = (p as { data: { name: string; count: number } }).data;
              return `${d.name}  ${formatCount(d.count, lang)}`;
            },
          },
          tooltip: {
            formatter: (p: unknown) => {
              const d = (p as { data: { name: string; count: number } }).data;
              return `${d.name}: ${formatCount(d.count, lang)}`;
            },
          },
        },
      ],
    },
    key,
  );
  return <div ref={ref} className="chart koc-chart" data-testid="ladder-funnel" />;
}
