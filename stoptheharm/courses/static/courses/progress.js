// A learner's progress through a course, kept in this browser only (localStorage): which lessons are
// done and the answers that passed their quizzes. Without this script every page still works; the
// course page simply shows no ticks, and the certificate form is filled in by hand.
(function () {
  "use strict";
  var STORAGE_KEY = "stoptheharm.courses.progress";

  function load() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY));
      return stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {};
    } catch (error) {
      return {};
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
    } catch (error) { /* storage full or refused: the pages still work */ }
  }

  function isDone(progress, lessonKey) {
    return Object.prototype.hasOwnProperty.call(progress, lessonKey);
  }

  var progress = load();
  var lesson = document.querySelector("[data-lesson-key]");
  var markButton = document.querySelector("[data-mark-done]");

  function show() {
    var items = document.querySelectorAll("[data-progress-lesson]");
    var done = 0;
    items.forEach(function (item) {
      var itemDone = isDone(progress, item.dataset.progressLesson);
      done += itemDone ? 1 : 0;
      item.classList.toggle("is-done", itemDone);
      var tick = item.querySelector("[data-done]");
      if (tick) { tick.hidden = !itemDone; }
    });
    var summary = document.querySelector("[data-progress-summary]");
    if (summary && items.length) {
      summary.textContent = summary.dataset.template.replace("{done}", done).replace("{total}", items.length);
      summary.hidden = false;
    }
    if (lesson) {
      var lessonDone = isDone(progress, lesson.dataset.lessonKey);
      var status = lesson.querySelector("[data-lesson-status]");
      if (status) { status.hidden = !lessonDone; }
      if (markButton) { markButton.hidden = lessonDone; }
    }
  }

  if (lesson && lesson.hasAttribute("data-quiz-passed")) {
    var answers = {};
    lesson.querySelectorAll("[data-quiz] input[type=radio]:checked").forEach(function (input) {
      answers[input.name] = input.value;
    });
    progress[lesson.dataset.lessonKey] = { answers: answers };
    save(progress);
  }

  if (lesson && markButton) {
    markButton.addEventListener("click", function () {
      progress[lesson.dataset.lessonKey] = { answers: {} };
      save(progress);
      show();
    });
  }

  // The certificate form, as first shown: tick the lessons done and give the answers that passed.
  var certificate = document.querySelector("[data-certificate]:not([data-submitted])");
  if (certificate) {
    certificate.querySelectorAll("input[name=lessons]").forEach(function (box) {
      box.checked = isDone(progress, box.value);
    });
    certificate.querySelectorAll("input[type=radio][data-lesson]").forEach(function (radio) {
      var entry = progress[radio.dataset.lesson];
      var answers = entry && entry.answers;
      if (answers && answers[radio.dataset.question] === radio.value) { radio.checked = true; }
    });
  }

  // The private link's page, once opened: the lessons kept with the link join this browser's.
  var saved = document.querySelector("[data-saved-progress]");
  if (saved) {
    saved.dataset.savedProgress.split(" ").forEach(function (key) {
      if (key && !isDone(progress, key)) { progress[key] = { answers: {} }; }
    });
    save(progress);
  }

  // Forms that send the lessons done (keeping progress with a link): this course's lessons only.
  document.querySelectorAll("input[data-progress-keys]").forEach(function (input) {
    input.value = input.dataset.progressKeys.split(" ").filter(function (key) {
      return key && isDone(progress, key);
    }).join(" ");
  });

  show();
}());
