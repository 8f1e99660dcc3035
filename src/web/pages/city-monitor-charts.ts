import { SMALL_COUNT, type PeopleCount } from '../../modules/reports/aggregates.js';
import type { MunicipalityMonitorReport } from '../../modules/reports/report-documents.js';
import { barChart, lineChart } from '../charts.js';
import { formatPercent } from '../format.js';
import type { PageContext } from '../render.js';

/** The monitor page's charts, as SVG: each drawn from the figures its table beside it shows (the chart's text alternative). */
export interface CityMonitorCharts {
  occupancy: string;
  bands: string;
  disciplines: string;
  waitingList: string;
  trend: string;
}

/**
 * A count that the report shows as "<5" gets no bar (drawing it would show the number) and its label says "<5",
 * so the picture tells what the table tells.
 */
function countBars(entries: { label: string; count: PeopleCount }[], t: PageContext['t']) {
  return {
    categories: entries.map((entry) => (entry.count === SMALL_COUNT ? t('city.chart.maskedLabel', { label: entry.label }) : entry.label)),
    values: entries.map((entry) => (entry.count === SMALL_COUNT ? 0 : entry.count)),
  };
}

export function cityMonitorCharts(monitor: MunicipalityMonitorReport, t: PageContext['t']): CityMonitorCharts {
  const { period } = monitor;
  const masked = t('city.chart.masked');
  const bands = countBars(
    monitor.totals.bands.map((band) => ({ label: t('city.band', { code: band.code }), count: band.tenants })),
    t,
  );
  const disciplines = countBars(
    monitor.totals.disciplines.map((discipline) => ({ label: discipline.name, count: discipline.tenants })),
    t,
  );
  const waiting = countBars(
    monitor.buildings.map((building) => ({ label: building.name, count: building.waitingList })),
    t,
  );
  return {
    occupancy: barChart({
      id: 'chart-occupancy',
      title: t('city.chart.occupancy.title'),
      description: t('city.chart.occupancy.desc', { period }),
      categories: monitor.buildings.map((building) => building.name),
      series: [
        { label: t('city.chart.occupancy.byArea'), values: monitor.buildings.map((building) => building.occupancyRate) },
        // A rate withheld with its building's tenants gets no bar; the table beside it says why.
        { label: t('city.chart.occupancy.bySpace'), values: monitor.buildings.map((building) => building.spaceOccupancyRate ?? 0) },
      ],
      format: formatPercent,
      max: 1,
    }),
    bands: barChart({
      id: 'chart-bands',
      title: t('city.chart.bands.title'),
      description: t('city.chart.bands.desc', { period, masked }),
      categories: bands.categories,
      series: [{ label: t('city.chart.series.tenants'), values: bands.values }],
    }),
    disciplines: barChart({
      id: 'chart-disciplines',
      title: t('city.chart.disciplines.title'),
      description: t('city.chart.disciplines.desc', { period, masked }),
      categories: disciplines.categories,
      series: [{ label: t('city.chart.series.tenants'), values: disciplines.values }],
    }),
    waitingList: barChart({
      id: 'chart-waiting',
      title: t('city.chart.waiting.title'),
      description: t('city.chart.waiting.desc', { masked }),
      categories: waiting.categories,
      series: [{ label: t('city.chart.series.waiting'), values: waiting.values }],
    }),
    trend: lineChart({
      id: 'chart-trend',
      title: t('city.chart.trend.title'),
      description: t('city.chart.trend.desc', { period }),
      categories: monitor.trend.map((point) => point.period),
      series: [{ label: t('city.chart.series.occupancy'), values: monitor.trend.map((point) => point.occupancyRate) }],
      format: formatPercent,
      max: 1,
    }),
  };
}
