// The kiosk: clock, going back to the start screen, one ticket per touch, printing the ticket.
(function () {
  'use strict';
  var body = document.body;
  var home = body.getAttribute('data-home');
  function goHome() { if (home) { window.location.replace(home); } }

  // the clock in the header runs on from the server's time (the kiosk's own clock may be wrong)
  var clock = document.querySelector('[data-clock]');
  if (clock) {
    var parts = clock.textContent.trim().split(':');
    var start = Date.now();
    var base = (parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10)) * 60000;
    setInterval(function () {
      var t = new Date(base + Date.now() - start);
      var h = t.getUTCHours(), m = t.getUTCMinutes();
      clock.textContent = (h < 10 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m;
    }, 5000);
  }

  // the start screen reloads itself so that waiting counts stay current
  var refresh = parseInt(body.getAttribute('data-refresh') || '0', 10);
  if (refresh > 0) { setTimeout(function () { window.location.reload(); }, refresh * 1000); }

  // a half-finished choice is left after a while without a touch
  var idle = parseInt(body.getAttribute('data-idle') || '0', 10);
  if (idle > 0) {
    var timer;
    var arm = function () { clearTimeout(timer); timer = setTimeout(goHome, idle * 1000); };
    ['pointerdown', 'keydown', 'touchstart'].forEach(function (e) { document.addEventListener(e, arm, { passive: true }); });
    arm();
  }

  // a ticket or a message goes back to the start after a fixed time
  var ret = parseInt(body.getAttribute('data-return') || '0', 10);
  if (ret > 0) { setTimeout(goHome, ret * 1000); }

  // one ticket per touch: a second tap while the first is on its way does nothing
  document.querySelectorAll('form[data-once]').forEach(function (form) {
    var sent = false;
    form.addEventListener('submit', function (evt) {
      if (sent) { evt.preventDefault(); return; }
      sent = true;
      // disabled after the browser took the pressed button's value
      setTimeout(function () { form.querySelectorAll('button').forEach(function (b) { b.disabled = true; }); }, 0);
    });
  });

  document.querySelectorAll('[data-print]').forEach(function (b) {
    b.addEventListener('click', function () { window.print(); });
  });
  if (body.getAttribute('data-autoprint') === 'true') {
    // after the font and the QR code are in
    window.addEventListener('load', function () { setTimeout(function () { window.print(); }, 300); });
  }
})();

// the on-screen keyboard of the check-in page (booking code or ID number); a scanner types into the field itself
(function () {
  'use strict';
  var input = document.querySelector('[data-keyboard-target]');
  if (!input) { return; }
  // the message of the last attempt goes once the applicant types again
  var clearError = function () {
    var e = document.querySelector('.check-in-error');
    if (e) { e.hidden = true; }
  };
  document.querySelectorAll('[data-key], [data-key-action]').forEach(function (b) { b.addEventListener('click', clearError); });
  input.addEventListener('input', clearError);
  document.querySelectorAll('[data-key]').forEach(function (b) {
    b.addEventListener('click', function () {
      if (input.value.length < (input.maxLength > 0 ? input.maxLength : 24)) { input.value += b.getAttribute('data-key'); }
      input.focus();
    });
  });
  document.querySelectorAll('[data-key-action]').forEach(function (b) {
    b.addEventListener('click', function () {
      input.value = b.getAttribute('data-key-action') === 'back' ? input.value.slice(0, -1) : '';
      input.focus();
    });
  });
})();
