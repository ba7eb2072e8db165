// Small enhancements only: every page works without this file.
(function () {
  'use strict';

  // Ask before destructive actions (forms marked with data-confirm).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // One click, one submission: the server also guards this with the draft's
    // submission id, but a disabled button tells the user it is on its way.
    var buttons = form.querySelectorAll('button[type=submit]');
    window.setTimeout(function () {
      buttons.forEach(function (b) { b.disabled = true; });
    }, 0);
  });
})();
