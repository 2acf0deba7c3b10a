// The supervisor's floor view. The board (#floor-board) refreshes itself by htmx polling; when the page gives a
// live event stream (data-live-url on the board), every floor event refreshes it at once as well.
(function () {
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.matches && t.matches('select[data-autosubmit]') && t.form) { t.form.submit(); }
  });

  var source = null;
  var pending = null;
  // what the stream did, for the browser tests
  var state = window.openhallFloor = { connected: false, events: 0, refreshes: 0 };
  function refresh() {
    state.events++;
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      var board = document.getElementById('floor-board');
      if (board && window.htmx) { state.refreshes++; window.htmx.trigger(board, 'floor:changed'); }
    }, 400);
  }
  function connect() {
    var board = document.getElementById('floor-board');
    var url = board && board.getAttribute('data-live-url');
    if (!url || source || !window.EventSource) { return; }
    source = new EventSource(url);
    source.addEventListener('open', function () { state.connected = true; });
    source.addEventListener('error', function () { state.connected = false; });
    ['alert.raised', 'alert.cleared', 'queue.stats', 'window.state', 'ticket.issued', 'ticket.called',
      'ticket.finished', 'ticket.skipped', 'ticket.transferred', 'ticket.cancelled', 'ticket.returned',
      'ticket.serving'].forEach(function (type) { source.addEventListener(type, refresh); });
  }
  document.addEventListener('DOMContentLoaded', connect);
})();
