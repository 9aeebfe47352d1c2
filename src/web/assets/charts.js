// Draws each <canvas data-chart> of a page with Chart.js: a stacked bar per period, one colour per topic.
// The numbers come from the data-chart attribute (JSON the server wrote); the same numbers are in the page's table.
(function () {
  'use strict';
  // Okabe and Ito's palette, told apart by people with any common colour blindness; grey for "other".
  var COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#999999'];
  var canvases = document.querySelectorAll('canvas[data-chart]');
  for (var i = 0; i < canvases.length; i++) draw(canvases[i]);

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var datasets = data.series.map(function (s, n) {
      var last = n === data.series.length - 1 && /^other|, no sub-topic$|^no topic$/.test(s.label);
      return { label: s.label, data: s.counts, backgroundColor: last ? COLOURS[6] : COLOURS[n % 6], borderWidth: 0 };
    });
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'statements' } },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
      },
    });
    canvas.setAttribute('data-drawn', 'true');
  }
})();
