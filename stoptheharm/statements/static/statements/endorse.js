// Finds organisations in the directory as the contact types; without this script the "Search the
// directory" button does the same through the server. Built with DOM methods only: names are text.
(function () {
  "use strict";
  var input = document.querySelector("[data-organisation-search]");
  var list = document.querySelector("[data-organisation-matches]");
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var latest = 0;

  function choice(value, text, checked) {
    var item = document.createElement("li");
    var label = document.createElement("label");
    var radio = document.createElement("input");
    radio.type = "radio";
    radio.name = "organisation";
    radio.value = value;
    radio.checked = checked;
    label.appendChild(radio);
    label.appendChild(document.createTextNode(" " + text));
    item.appendChild(label);
    return item;
  }

  function show(organisations) {
    var choices = document.createElement("ul");
    choices.className = "endorse__choices";
    organisations.slice(0, 10).forEach(function (organisation) {
      var countries = organisation.countries.length ? " (" + organisation.countries.join(", ") + ")" : "";
      choices.appendChild(choice(String(organisation.id), organisation.name + countries, false));
    });
    choices.appendChild(choice("", list.dataset.noneLabel || "—", organisations.length === 0));
    list.replaceChildren(choices);
  }

  function search() {
    var query = input.value.trim();
    var request = ++latest;
    if (query.length < 2) {
      list.replaceChildren();
      return;
    }
    var url = input.dataset.organisationSearch + "?q=" + encodeURIComponent(query);
    fetch(url, { headers: { Accept: "application/json" }, credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (page) { if (request === latest) { show(page.results); } })
      .catch(function () { /* the search button still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {  // Enter searches rather than sending the whole form
      event.preventDefault();
      clearTimeout(timer);
      search();
    }
  });
})();
