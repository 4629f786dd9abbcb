/* Map point picker (core/mappoints.py): a click on the map fills the latitude and longitude inputs and
   moves the marker; typing in the inputs moves the marker. Without JavaScript the inputs work alone.
   The Equal Earth formulas and constants are those of core/worldmap.py (project / unproject). */
(function () {
  "use strict";
  var A1 = 1.340264, A2 = -0.081106, A3 = 0.000893, A4 = 0.003796, M = Math.sqrt(3) / 2;
  var WIDTH = 1000, SCALE = (WIDTH / 2) / (Math.PI / (M * A1));
  var POLE = Math.asin(M);
  var HEIGHT = Math.round(2 * SCALE * POLE * (A1 + A2 * POLE * POLE + Math.pow(POLE, 6) * (A3 + A4 * POLE * POLE)) * 10) / 10;

  function derivative(t) { var t2 = t * t, t6 = t2 * t2 * t2; return A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2); }
  function height(t) { var t2 = t * t, t6 = t2 * t2 * t2; return t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)); }

  function project(lon, lat) {
    var t = Math.asin(M * Math.sin(lat * Math.PI / 180));
    var x = (lon * Math.PI / 180) * Math.cos(t) / (M * derivative(t));
    return [WIDTH / 2 + x * SCALE, HEIGHT / 2 - height(t) * SCALE];
  }

  function unproject(x, y) {
    var px = (x - WIDTH / 2) / SCALE, maxY = height(POLE);
    var py = Math.min(Math.max((HEIGHT / 2 - y) / SCALE, -maxY), maxY), t = py / A1;
    for (var i = 0; i < 20; i++) {
      var error = height(t) - py;
      t -= error / derivative(t);
      if (Math.abs(error) < 1e-12) { break; }
    }
    var c = Math.cos(t), lon = c > 1e-12 ? M * px * derivative(t) / c * 180 / Math.PI : 0;
    var lat = Math.asin(Math.min(Math.max(Math.sin(t) / M, -1), 1)) * 180 / Math.PI;
    return [Math.min(Math.max(lon, -180), 180), lat];
  }

  function setUp(picker) {
    var svg = picker.querySelector("svg.world-map");
    var latitude = picker.querySelector("[data-map-latitude]");
    var longitude = picker.querySelector("[data-map-longitude]");
    if (!svg || !latitude || !longitude) { return; }
    var marker = svg.querySelector(".map-marker");

    function place(lon, lat) {
      if (!marker) {
        marker = document.createElementNS("http://www.w3.org/2000/svg", "circle");
        marker.setAttribute("class", "map-marker");
        marker.setAttribute("r", "4");
        svg.appendChild(marker);
      }
      var point = project(lon, lat);
      marker.setAttribute("cx", point[0].toFixed(1));
      marker.setAttribute("cy", point[1].toFixed(1));
    }

    svg.addEventListener("click", function (event) {
      var matrix = svg.getScreenCTM();
      if (!matrix) { return; }
      var point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
      var lonLat = unproject(point.x, point.y);
      longitude.value = lonLat[0].toFixed(4);
      latitude.value = lonLat[1].toFixed(4);
      place(lonLat[0], lonLat[1]);
      latitude.dispatchEvent(new Event("change", { bubbles: true }));
    });

    function follow() {
      var lat = parseFloat(latitude.value), lon = parseFloat(longitude.value);
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) { place(lon, lat); }
    }
    latitude.addEventListener("input", follow);
    longitude.addEventListener("input", follow);
  }

  function init() { document.querySelectorAll("[data-map-picker]").forEach(setUp); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
