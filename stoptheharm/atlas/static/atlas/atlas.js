/* Atlas map, progressive enhancement. Changing a control shows the map at once: the form is submitted
   (without JavaScript the "Show" button does it), and a new layer or year lets the year choose the edition.
   Hovering or focusing a country or marker writes its name and value, read from its <title>, in a box
   that screen readers announce. */
(function () {
  "use strict";
  var form = document.querySelector("[data-atlas-controls]");
  if (form) {
    form.addEventListener("change", function (event) {
      if (event.target.name === "layer" || event.target.name === "year") {
        // another layer has other editions, and another year its own latest edition
        var edition = form.querySelector("[name=edition]");
        if (edition) { edition.disabled = true; }
      }
      form.submit();
    });
  }
  var tooltip = document.querySelector("[data-atlas-tooltip]");
  var map = document.querySelector(".atlas-map .world-map");
  if (!tooltip || !map) { return; }
  function titleOf(target) {
    var node = target.closest("a") || target;
    var title = node.querySelector(":scope > title");
    return title ? title.textContent : "";
  }
  function show(event) {
    var text = titleOf(event.target);
    tooltip.textContent = text;
    tooltip.hidden = !text; // the sea has no title: nothing to show
  }
  map.addEventListener("mouseover", show);
  map.addEventListener("focusin", show);
  map.addEventListener("mouseleave", function () { tooltip.hidden = true; });
  map.addEventListener("focusout", function () { tooltip.hidden = true; });
}());
