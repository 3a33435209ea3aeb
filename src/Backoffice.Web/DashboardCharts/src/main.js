// Draws the /dashboard charts from the figures the page carries in data-figures (the CSP allows no inline script).
// Only the chart types and components used are imported, so the bundle stays small.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, MarkLineComponent, SVGRenderer]);

const host = document.getElementById('dashboard');
const figures = JSON.parse(host.dataset.figures);
const text = JSON.parse(host.dataset.labels);
const percent = (v) => (v == null ? '–' : `${(v * 100).toFixed(1)}%`);
const common = { aria: { enabled: true }, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 56, right: 24, top: 40, bottom: 48 } };

function draw(id, option, links) {
  const element = document.getElementById(id);
  if (!element) return;
  const chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({ ...common, ...option });
  if (links) {
    chart.on('click', (event) => {
      const href = links[event.dataIndex];
      if (href) window.location.assign(href);
    });
  }
  window.addEventListener('resize', () => chart.resize());
}

const target = (value, count) => Array.from({ length: count }, () => value);
// The target as a dashed line across the whole chart: a line through one category's point alone would draw nothing.
const targetSeries = (name, value, count) => ({
  name, type: 'line', data: target(value, count), symbol: 'none', lineStyle: { type: 'dashed', color: '#b3261e' }, itemStyle: { color: '#b3261e' },
  markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { type: 'dashed', width: 2, color: '#b3261e' }, data: [{ yAxis: value }] },
});
const shareAxis = { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent } };

draw('chart-stages', {
  tooltip: { trigger: 'axis', valueFormatter: percent },
  xAxis: { type: 'category', data: figures.stages.map((s) => s.name) },
  yAxis: shareAxis,
  series: [
    { name: text.withinSla, type: 'bar', data: figures.stages.map((s) => s.shareWithinSla), itemStyle: { color: '#2f6f9f' } },
    targetSeries(text.target, figures.slaTarget, figures.stages.length),
  ],
}, figures.stages.map((s) => s.link));

draw('chart-weeks', {
  xAxis: { type: 'category', data: figures.weeks.map((w) => w.monday) },
  yAxis: { type: 'value', minInterval: 1 },
  series: [
    { name: text.in, type: 'bar', data: figures.weeks.map((w) => w.in), itemStyle: { color: '#2f6f9f' } },
    { name: text.out, type: 'bar', data: figures.weeks.map((w) => w.out), itemStyle: { color: '#5b8c3a' } },
    { name: text.backlog, type: 'line', data: figures.weeks.map((w) => w.backlog), itemStyle: { color: '#b26b00' } },
  ],
});

draw('chart-provinces', {
  tooltip: { trigger: 'axis', valueFormatter: percent },
  xAxis: { type: 'category', data: figures.provinces.map((p) => p.name), axisLabel: { interval: 0, rotate: figures.provinces.length > 8 ? 45 : 0 } },
  yAxis: shareAxis,
  series: [
    { name: text.approvalRate, type: 'bar', data: figures.provinces.map((p) => p.approvalRate), itemStyle: { color: '#2f6f9f' } },
    targetSeries(text.target, figures.approvalTarget, figures.provinces.length),
  ],
}, figures.provinces.map((p) => p.link));
