// Charts of the report page, drawn from the JSON in each chart's data-chart attribute (no inline scripts: CSP).
(function () {
  'use strict';

  // The stage colours of app.css, so a chart reads like the badges.
  var STAGE_COLORS = { LEAD: '#8796a8', SIGNED: '#2f7bd1', LANDED: '#2f9e5b' };
  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

  function stages(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return p.name + '项目<br>' + p.data.count + ' 个，总投资 ' + p.data.yi + ' 亿元（' + p.percent + '%）';
        }
      },
      legend: { bottom: 0, icon: 'circle' },
      series: [{
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { formatter: '{b}\n{c} 个', lineHeight: 18 },
        data: data.stages.map(function (s) {
          return { name: s.name, value: s.count, count: s.count, yi: s.yi, url: s.url, itemStyle: { color: STAGE_COLORS[s.code] } };
        })
      }]
    });
    chart.on('click', function (p) {
      if (p.data && p.data.url) {
        window.location.href = p.data.url;
      }
    });
    return chart;
  }

  function units(el, data) {
    var rows = data.units.slice().reverse();
    var chart = echarts.init(el);
    chart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          var r = rows[ps[0].dataIndex];
          return r.name + '<br>对接洽谈 ' + r.count + ' 个，' + r.yi + ' 亿元<br>其中落地 ' + r.landedCount + ' 个，' + r.landedYi + ' 亿元';
        }
      },
      legend: { bottom: 0, data: ['对接洽谈总投资', '其中落地'] },
      grid: { left: 8, right: 40, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', name: '亿元', nameGap: 8, splitLine: { lineStyle: { color: '#eef1f4' } } },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }), axisTick: { show: false } },
      series: [
        {
          name: '对接洽谈总投资', type: 'bar', barGap: '-100%', barWidth: 14, itemStyle: { color: '#c9d6e6' },
          data: rows.map(function (r) { return { value: parseFloat(r.yi), url: r.url }; })
        },
        {
          name: '其中落地', type: 'bar', barWidth: 14, itemStyle: { color: STAGE_COLORS.LANDED },
          data: rows.map(function (r) { return { value: parseFloat(r.landedYi), url: r.landedUrl }; })
        }
      ]
    });
    chart.on('click', function (p) {
      if (p.data && p.data.url) {
        window.location.href = p.data.url;
      }
    });
    return chart;
  }

  function init() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var charts = [];
    document.querySelectorAll('.js-chart').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var kind = el.getAttribute('data-kind');
      if (kind === 'stages') {
        charts.push(stages(el, data));
      } else if (kind === 'units') {
        el.style.height = Math.max(240, data.units.length * 30 + 60) + 'px';
        charts.push(units(el, data));
      }
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (c) { c.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
