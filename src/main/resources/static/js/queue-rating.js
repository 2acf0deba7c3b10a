// The rating pad: reasons only with a bad level, the submit button once a level is chosen, and back to idle
// when a half-filled form is left alone.
(function () {
  'use strict';
  var idleTimer;

  function setup(root) {
    var pad = root.id === 'pad' ? root : root.querySelector && root.querySelector('#pad');
    if (!pad) { return; }
    var form = pad.querySelector('.pad-form');
    clearTimeout(idleTimer);
    if (!form) { return; }
    var reasons = form.querySelector('[data-bad-only]');
    var submit = form.querySelector('.pad-submit');
    function update() {
      var chosen = form.querySelector('input[name=level]:checked');
      var bad = chosen && chosen.getAttribute('data-bad') === 'true';
      if (reasons) {
        reasons.hidden = !bad;
        if (!bad) { reasons.querySelectorAll('input').forEach(function (c) { c.checked = false; }); }
      }
      if (submit) { submit.disabled = !chosen; }
    }
    form.addEventListener('change', update);
    update();
    var after = parseInt(pad.getAttribute('data-idle-after') || '0', 10);
    if (after > 0) {
      var arm = function () {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(function () { window.location.reload(); }, after * 1000);
      };
      ['pointerdown', 'keydown', 'input'].forEach(function (e) { form.addEventListener(e, arm, { passive: true }); });
      arm();
    }
  }

  // the window finished a ticket: the live event of the floor (ticket.finished with rating) asks for the form at once;
  // the idle screen also asks every two seconds, so a broken stream only delays it
  function listen() {
    var url = document.body.getAttribute('data-events');
    var windowId = document.body.getAttribute('data-window');
    if (!url || !windowId || !window.EventSource) { return; }
    var source = new EventSource(url);
    source.addEventListener('ticket.finished', function (e) {
      try {
        var data = JSON.parse(e.data || '{}');
        if (data.rating === true && String(data.windowId) === windowId) {
          document.body.dispatchEvent(new CustomEvent('rating-requested'));
        }
      } catch (err) { /* not for the pad */ }
    });
  }

  document.addEventListener('DOMContentLoaded', function () { setup(document); listen(); });
  document.addEventListener('htmx:afterSettle', function (evt) { setup(evt.detail.elt || document); });
})();
