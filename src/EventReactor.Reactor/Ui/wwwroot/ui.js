// EventReactor dashboard: draws the charts the server describes (data-chart JSON) with uPlot, and runs the live
// events table. No framework, no build step.
(function () {
  'use strict';
  const palette = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];
  window.erCharts = {};

  function fmt(v) {
    if (v == null) return '';
    const a = Math.abs(v);
    return a >= 1000 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : String(Number(v.toPrecision(3)));
  }

  // Each series' mean as a solid line and its interval as a band, in the series' colour (points charts).
  function intervalsPlugin(spec) {
    return {
      hooks: {
        drawSeries: [function (u, si) {
          const s = spec.series[si - 1];
          if (spec.kind !== 'points' || !s || !s.interval) return;
          const ctx = u.ctx, color = palette[(si - 1) % palette.length];
          const x0 = u.bbox.left, w = u.bbox.width;
          const yLow = u.valToPos(s.interval.low, 'y', true), yHigh = u.valToPos(s.interval.high, 'y', true);
          const yMean = u.valToPos(s.interval.mean, 'y', true);
          ctx.save();
          ctx.globalAlpha = 0.12; ctx.fillStyle = color;
          ctx.fillRect(x0, Math.min(yLow, yHigh), w, Math.max(1, Math.abs(yLow - yHigh)));
          ctx.globalAlpha = 0.9; ctx.strokeStyle = color; ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.beginPath(); ctx.moveTo(x0, yMean); ctx.lineTo(x0 + w, yMean); ctx.stroke();
          ctx.restore();
        }],
      },
    };
  }

  // Whiskers from low to high over each bar (bars charts).
  function whiskersPlugin(spec) {
    return {
      hooks: {
        draw: [function (u) {
          if (spec.kind !== 'bars') return;
          const s = spec.series[0], ctx = u.ctx;
          if (!s.low || !s.high) return;
          ctx.save(); ctx.strokeStyle = '#111827'; ctx.lineWidth = 1.5 * devicePixelRatio;
          for (let i = 0; i < spec.x.length; i++) {
            if (s.low[i] == null) continue;
            const x = u.valToPos(spec.x[i], 'x', true);
            const lo = u.valToPos(s.low[i], 'y', true), hi = u.valToPos(s.high[i], 'y', true);
            const cap = 6 * devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(x, lo); ctx.lineTo(x, hi);
            ctx.moveTo(x - cap, lo); ctx.lineTo(x + cap, lo);
            ctx.moveTo(x - cap, hi); ctx.lineTo(x + cap, hi);
            ctx.stroke();
          }
          ctx.restore();
        }],
      },
    };
  }

  function draw(el) {
    const spec = JSON.parse(el.dataset.chart);
    const width = Math.max(240, Math.floor(el.getBoundingClientRect().width) || 600);
    const compact = el.closest('.repetition') !== null;
    const bars = spec.kind === 'bars', points = spec.kind === 'points';
    const series = [{}].concat(spec.series.map(function (s, i) {
      const color = palette[i % palette.length];
      if (bars) {
        return { label: s.label, stroke: color, fill: color + '99', paths: uPlot.paths.bars({ size: [0.6, 80] }), points: { show: false }, value: function (u, v) { return fmt(v); } };
      }
      if (points) {
        return { label: s.label, stroke: color, paths: function () { return null; }, points: { show: true, size: 9, fill: color, stroke: color }, value: function (u, v) { return fmt(v); } };
      }
      return { label: s.label, stroke: color, width: 1.5, points: { show: false }, value: function (u, v) { return fmt(v); } };
    }));
    let yMin = Infinity, yMax = -Infinity;
    spec.series.forEach(function (s) {
      s.values.concat(s.low || [], s.high || []).forEach(function (v) { if (v != null) { yMin = Math.min(yMin, v); yMax = Math.max(yMax, v); } });
      if (s.interval) { yMin = Math.min(yMin, s.interval.low); yMax = Math.max(yMax, s.interval.high); }
    });
    if (!isFinite(yMin)) { yMin = 0; yMax = 1; }
    if (bars) yMin = Math.min(0, yMin);
    const pad = (yMax - yMin) * 0.08 || 1;
    const cats = spec.categories || [];
    const opts = {
      width: width, height: compact ? 150 : bars ? 260 : 220,
      series: series,
      scales: {
        x: spec.kind === 'line' ? { time: true } : { time: false, range: function () { return bars ? [-0.5, spec.x.length - 0.5] : [0.5, spec.x.length + 0.5]; } },
        y: { range: [bars ? yMin : yMin - pad, yMax + pad] },
      },
      axes: [
        spec.kind === 'line' ? {} : {
          splits: function () { return spec.x; },
          values: function (u, vals) { return vals.map(function (v) { return bars ? (cats[v] || '') : '#' + v; }); },
        },
        { label: spec.unit, values: function (u, vals) { return vals.map(fmt); }, size: 60 },
      ],
      legend: { show: spec.series.length > 1 || !bars },
      plugins: [intervalsPlugin(spec), whiskersPlugin(spec)],
    };
    const data = [spec.x].concat(spec.series.map(function (s) { return s.values; }));
    el.innerHTML = '';
    window.erCharts[spec.id] = new uPlot(opts, data, el);
  }

  function drawAll(root) {
    root.querySelectorAll('[data-chart]').forEach(draw);
  }

  function live() {
    const body = document.getElementById('live');
    if (!body) return;
    const status = document.getElementById('live-status');
    const pause = document.getElementById('pause');
    const maxRows = 500;
    let paused = false, held = [];
    function insert(html) {
      body.insertAdjacentHTML('afterbegin', html);
      while (body.rows.length > maxRows) body.deleteRow(body.rows.length - 1);
    }
    const source = new EventSource(body.dataset.stream);
    source.addEventListener('subscribed', function () { status.textContent = 'live'; body.dataset.live = 'true'; });
    source.onmessage = function (m) {
      if (paused) { held.unshift(m.data); status.textContent = 'paused, ' + held.length + ' new'; return; }
      insert(m.data);
    };
    source.onerror = function () { status.textContent = 'reconnecting…'; };
    pause.addEventListener('click', function () {
      paused = !paused;
      pause.setAttribute('aria-pressed', String(paused));
      pause.textContent = paused ? 'Resume' : 'Pause';
      if (!paused) { held.reverse().forEach(insert); held = []; status.textContent = 'live'; }
      else { status.textContent = 'paused'; }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawAll(document);
    // The perf script reads this mark: the page is ready when every chart is drawn.
    performance.mark('charts-drawn');
    live();
    document.body.addEventListener('htmx:afterSwap', function (e) { drawAll(e.target); });
  });
})();
