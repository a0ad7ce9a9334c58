// The submission wizard: small, optional enhancements (everything works without them).
(function () {
  "use strict";
  // A second click on "Nộp hồ sơ" while the first is on its way sends nothing more (the
  // server makes one dossier anyway; this only spares the citizen a second wait).
  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  });
  // "Nộp thay": the submitter's fields matter only when submitting for someone else.
  var form = document.querySelector("form[data-on-behalf-form]");
  if (form) {
    var group = form.querySelector("[data-on-behalf]");
    var update = function () {
      var other = form.querySelector("input[name=who][value=other]");
      group.hidden = !(other && other.checked);
    };
    form.querySelectorAll("input[name=who]").forEach(function (radio) {
      radio.addEventListener("change", update);
    });
    update();
  }
  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
