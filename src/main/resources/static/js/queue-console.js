// The window console: keyboard shortcuts and the transfer / pause dialogs.
// F1 / Alt+1 call next, F2 / Alt+2 recall, F3 / Alt+3 start, F4 / Alt+4 finish, F5 / Alt+5 skip.
(function () {
  'use strict';
  var FKEYS = { F1: '1', F2: '2', F3: '3', F4: '4', F5: '5' };

  function shortcut(evt) {
    if (evt.ctrlKey || evt.metaKey) { return null; }
    if (!evt.altKey && !evt.shiftKey && FKEYS[evt.key]) { return FKEYS[evt.key]; }
    if (evt.altKey && /^Digit[1-5]$/.test(evt.code || '')) { return evt.code.substring(5); }
    return null;
  }

  document.addEventListener('keydown', function (evt) {
    var panel = document.getElementById('console-panel');
    if (!panel) { return; }
    var n = shortcut(evt);
    if (!n) { return; }
    // F1 (help) and F5 (reload) are the console's own keys here
    evt.preventDefault();
    if (document.querySelector('dialog[open]')) { return; }
    // a panel just swapped in is wired up by htmx only when it settles (some milliseconds later): a key pressed
    // before would post the form as a plain page load; processing it now (a no-op once done) keeps it an htmx request
    if (window.htmx) { window.htmx.process(panel); }
    var button = panel.querySelector('button[data-key="' + n + '"]');
    if (button && !button.disabled && !button.closest('form').classList.contains('htmx-request')) {
      button.click();
    }
  });

  document.addEventListener('click', function (evt) {
    var opener = evt.target.closest('[data-open]');
    if (opener && !opener.disabled) {
      var dialog = document.getElementById(opener.getAttribute('data-open'));
      if (dialog && dialog.showModal) {
        dialog.showModal();
        var first = dialog.querySelector('select, input, textarea');
        if (first) { first.focus(); }
      }
      return;
    }
    var closer = evt.target.closest('[data-close]');
    if (closer) {
      var d = closer.closest('dialog');
      if (d) { d.close(); }
    }
  });

})();

// forms that change something lasting (revoking a device) ask first
document.addEventListener('submit', function (evt) {
  var form = evt.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { evt.preventDefault(); }
});
