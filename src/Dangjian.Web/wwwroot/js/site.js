// Small progressive enhancements; every page works without them.
document.documentElement.classList.add('dj-js');

document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.matches && target.matches('select[data-autosubmit]')) {
    target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
  }
});

// Deleting or dissolving asks first; the message says what goes with the record.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);

// Printable pages (e.g. the dues 公示) offer a print button; without scripts the browser's own print command does the same.
document.addEventListener('click', function (event) {
  var button = event.target && event.target.closest && event.target.closest('[data-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});
// A file over the size limit is refused before it is sent; the server checks again, but only after the whole upload.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.querySelectorAll) return;
  var inputs = form.querySelectorAll('input[type=file][data-max-bytes]');
  for (var i = 0; i < inputs.length; i++) {
    var max = Number(inputs[i].getAttribute('data-max-bytes'));
    var files = inputs[i].files || [];
    for (var j = 0; j < files.length; j++) {
      if (files[j].size > max) {
        window.alert(inputs[i].getAttribute('data-max-message') || '文件过大');
        event.preventDefault();
        return;
      }
    }
  }
}, true);

// Charts (ui.md "Charts"): a [data-dj-chart] element carries its data as JSON, and the page shows the same numbers in a
// table, so without scripts nothing is lost. ECharts is loaded only on pages that have a chart. A click on a bar opens
// the records behind it.
(function () {
  var charts = document.querySelectorAll('[data-dj-chart]');
  if (!charts.length) return;
  // The status colours of the tables first (党建 red, then Bootstrap's), so a chart and its table read alike.
  var palette = ['#c8161d', '#0d6efd', '#198754', '#ffc107', '#6f42c1', '#0dcaf0', '#fd7e14', '#20c997', '#6c757d', '#d63384'];

  function option(spec) {
    var horizontal = spec.categories.length > 8 && !spec.stack;
    var categoryAxis = { type: 'category', data: spec.categories, name: spec.categoryAxis, axisLabel: { interval: 0, rotate: horizontal ? 0 : (spec.categories.length > 6 ? 30 : 0) } };
    var valueAxis = { type: 'value', name: spec.unit, minInterval: spec.unit === '%' || spec.unit === '元' || spec.unit === '万元' ? 0 : 1 };
    return {
      color: palette,
      title: { text: spec.title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '暂无数据' : v + ' ' + spec.unit; } },
      legend: spec.series.length > 1 ? { bottom: 0, type: 'scroll' } : undefined,
      grid: { left: 8, right: 40, top: 48, bottom: spec.series.length > 1 ? 40 : 16, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({}, categoryAxis, { inverse: true, axisLabel: { interval: 0 } }) : valueAxis,
      series: spec.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: spec.stack ? 'total' : undefined, data: s.data, barMaxWidth: 36, cursor: 'pointer' };
      }),
    };
  }

  function draw() {
    for (var i = 0; i < charts.length; i++) {
      var element = charts[i];
      var spec;
      try { spec = JSON.parse(element.getAttribute('data-dj-chart')); } catch (e) { continue; }
      if (spec.categories.length > 8 && !spec.stack) element.style.height = (spec.categories.length * 28 + 80) + 'px';
      var chart = window.echarts.init(element, null, { renderer: 'svg' });
      chart.setOption(option(spec));
      chart.on('click', (function (s) {
        return function (params) {
          var series = s.series[params.seriesIndex];
          var link = series && series.links[params.dataIndex];
          if (link) window.location.href = link;
        };
      })(spec));
      window.addEventListener('resize', chart.resize);
      element.classList.add('dj-chart-drawn');
      // The table stays one click away once the chart shows the same numbers.
      var table = element.parentNode.querySelector('details.dj-chart-data');
      if (table) table.open = false;
    }
  }

  var script = document.createElement('script');
  script.src = '/lib/echarts/echarts.min.js';
  script.onload = draw;
  document.body.appendChild(script);
})();
