// Moves between tiers per day as stacked bars: promotions above the axis, demotions below, one series
// per kind of move (路人粉 → 好感粉, ...). Days without moves are shown as empty, not skipped. A fan's first
// placement (no `from` tier) is not a move between tiers and is left out.
import { TIERS, type TierMove } from '../types.js';
import { useChart } from '../use-chart.js';

const DAY_MS = 86_400_000;
const UP = ['#f0a6c1', '#d14f82', '#9c1c52', '#5b0f30'];
const DOWN = ['#b8c4d6', '#8aa1c1', '#5a7397'];

export function FlowChart(props: {
  moves: TierMove[];
  names: Record<string, string>;
  from: Date;
  days: number;
}) {
  const { names } = props;
  const moves = props.moves.filter((m) => m.from !== null);
  const days = Array.from({ length: props.days }, (_, i) =>
    new Date(props.from.getTime() + i * DAY_MS).toISOString().slice(0, 10),
  );
  const rank = (tier: string | null) => (tier === null ? -1 : TIERS.indexOf(tier as (typeof TIERS)[number]));
  const kinds = [...new Set(moves.map((m) => `${m.from}>${m.to}`))].sort(
    (a, b) => rank(a.split('>')[1]!) - rank(b.split('>')[1]!),
  );
  const nameOf = (tier: string) => names[tier] ?? tier;
  let up = 0;
  let down = 0;
  const series = kinds.map((kind) => {
    const [from, to] = kind.split('>') as [string, string];
    const promotion = rank(to) > rank(from);
    const byDay = new Map(moves.filter((m) => `${m.from}>${m.to}` === kind).map((m) => [m.period, m.count]));
    return {
      type: 'bar' as const,
      name: `${nameOf(from)} → ${nameOf(to)}`,
      stack: promotion ? 'up' : 'down',
      data: days.map((d) => (promotion ? 1 : -1) * (byDay.get(d) ?? 0)),
      itemStyle: { color: promotion ? UP[up++ % UP.length] : DOWN[down++ % DOWN.length] },
      barMaxWidth: 18,
    };
  });
  const key = JSON.stringify([days, moves, names]);
  const ref = useChart(
    {
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      series,
    },
    key,
  );
  return <div ref={ref} className="chart koc-chart" data-testid="ladder-flow" />;
}
