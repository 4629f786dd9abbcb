// Adds the visitor's own time beside an event's time (shown in the event's zone by the server).
(function () {
  "use strict";
  var format = { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
  document.querySelectorAll("time[data-local-time]").forEach(function (element) {
    var start = new Date(element.getAttribute("datetime"));
    if (isNaN(start.getTime())) {
      return;
    }
    var local = document.createElement("span");
    local.className = "event__local-time";
    local.textContent = " · " + element.getAttribute("data-label") + " " +
      new Intl.DateTimeFormat(document.documentElement.lang || undefined, format).format(start);
    element.insertAdjacentElement("afterend", local);
  });
})();
