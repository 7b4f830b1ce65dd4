// Pairwise overlap of the chosen KOCs' followers, in pick order: cell (a, b) = fans both reach; the
// diagonal (each KOC's own size) is left out so it does not wash out the colour scale.
import { useT } from '../../i18n/index.js';
import type { Selection } from '../types.js';
import { accentColor, useChart } from '../use-chart.js';

const TOP_PAIRS = 5;

export function OverlapHeatmap({ selection }: { selection: Selection }) {
  const t = useT();
  const names = selection.picks.map((p, i) => `${i + 1}. ${p.name}`);
  const cells: [number, number, number][] = [];
  let max = 0;
  selection.overlap.forEach((row, a) =>
    row.forEach((n, b) => {
      if (a === b) return;
      cells.push([b, a, n]);
      max = Math.max(max, n);
    }),
  );
  const key = JSON.stringify([names, selection.overlap]);
  const ref = useChart(
    {
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (p: unknown) => {
          const [b, a, n] = (p as { value: [number, number, number] }).value;
          return t('koc.select.overlapCell', { a: names[a]!, b: names[b]!, n });
        },
      },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { rotate: 45, interval: 0 },
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisLabel: { interval: 0 },
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: Math.max(1, max),
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#fdf2f6', accentColor()] },
      },
      series: [{ type: 'heatmap', data: cells, label: { show: names.length <= 10 } }],
    },
    key,
  );
  const height = Math.max(280, 28 * names.length + 120);
  // The same figures in words for the largest pairs (the canvas is not read by screen readers).
  const top = cells
    .filter(([b, a, n]) => a < b && n > 0)
    .sort((x, y) => y[2] - x[2])
    .slice(0, TOP_PAIRS);
  return (
    <>
      <div ref={ref} className="chart koc-chart" style={{ height }} data-testid="overlap-heatmap" />
      {top.length === 0 ? (
        <p className="muted">{t('koc.select.noOverlap')}</p>
      ) : (
        <table className="table table-compact" data-testid="overlap-pairs">
          <thead>
            <tr>
              <th>{t('koc.select.pair')}</th>
              <th className="num">{t('koc.select.shared')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map(([b, a, n]) => (
              <tr key={`${a}-${b}`} data-testid="overlap-pair" data-a={a} data-b={b}>
                <td>
                  {names[a]} × {names[b]}
                </td>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
