/*
 * Q-4 hall display and window display: live over server-sent events, calls spoken in Chinese.
 *
 * - The page is drawn by the server at an event id (config.lastEventId); the stream resumes after it, and after a
 *   reconnect EventSource sends Last-Event-ID itself, so no call is missed. An event the page already shows (same id)
 *   is not applied twice.
 * - Calls are spoken through one announcement queue (browser speech synthesis, a zh-CN voice), each config.repeats
 *   times, one after the other: a call never cuts another off.
 * - window.openhallDisplay is a test hook: spoken (every text queued for speech, in order), events (types received),
 *   connected (the stream is open), disconnects (how often an open stream was lost).
 * All texts come from the page (queue-live.properties), none is written here.
 */
(function () {
  'use strict';

  var configElement = document.getElementById('qd-config');
  if (!configElement) {
    return;
  }
  var config = JSON.parse(configElement.textContent);
  var text = config.text || {};
  var isWindow = config.windowId !== undefined && config.windowId !== null;

  var hook = window.openhallDisplay = {
    spoken: [],
    events: [],
    connected: false,
    disconnects: 0,
    lastEventId: config.lastEventId || 0
  };

  function fmt(key, value) {
    return (text[key] || '').replace('{0}', value);
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(id, value) {
    var e = byId(id);
    if (e) {
      e.textContent = value == null ? '' : value;
    }
  }

  function hhmm(iso) {
    if (!iso) {
      return '';
    }
    try {
      return new Date(iso).toLocaleTimeString('zh-CN',
        {hour: '2-digit', minute: '2-digit', hour12: false, timeZone: config.zone});
    } catch (e) {
      return new Date(iso).toLocaleTimeString('zh-CN', {hour: '2-digit', minute: '2-digit', hour12: false});
    }
  }

  // ---- clock ---------------------------------------------------------------------------------------------------
  function tick() {
    var now = new Date();
    var s;
    try {
      s = now.toLocaleTimeString('zh-CN', {hour: '2-digit', minute: '2-digit', hour12: false, timeZone: config.zone});
    } catch (e) {
      s = now.toLocaleTimeString('zh-CN', {hour: '2-digit', minute: '2-digit', hour12: false});
    }
    setText('qd-clock', s);
  }
  tick();
  setInterval(tick, 1000);

  // ---- the announcement queue ----------------------------------------------------------------------------------
  var MAX_WAITING = 12;
  var speech = {
    queue: [],
    speaking: false,
    voice: null,
    blocked: false,
    timer: null
  };
  var synth = window.speechSynthesis;

  function pickVoice() {
    if (!synth || !synth.getVoices) {
      return;
    }
    var voices = synth.getVoices() || [];
    var lang = (config.speechLang || 'zh-CN').toLowerCase();
    var exact = null;
    var zh = null;
    for (var i = 0; i < voices.length; i++) {
      var l = (voices[i].lang || '').toLowerCase().replace('_', '-');
      if (l === lang && !exact) {
        exact = voices[i];
      }
      if (l.indexOf('zh') === 0 && !zh) {
        zh = voices[i];
      }
    }
    speech.voice = exact || zh;
  }
  if (synth) {
    pickVoice();
    if (synth.addEventListener) {
      synth.addEventListener('voiceschanged', pickVoice);
    }
  }

  function announce(sentence, times) {
    if (!sentence) {
      return;
    }
    for (var i = 0; i < times; i++) {
      hook.spoken.push(sentence);
      speech.queue.push(sentence);
    }
    // a long backlog (e.g. after a long reconnect) keeps only the newest calls
    while (speech.queue.length > MAX_WAITING) {
      speech.queue.shift();
    }
    speakNext();
  }

  function done() {
    if (speech.timer) {
      clearTimeout(speech.timer);
      speech.timer = null;
    }
    speech.speaking = false;
    setTimeout(speakNext, 500);
  }

  function speakNext() {
    if (speech.speaking || speech.queue.length === 0) {
      return;
    }
    var sentence = speech.queue.shift();
    if (!config.voice || !synth || typeof window.SpeechSynthesisUtterance !== 'function') {
      return speakNext();
    }
    speech.speaking = true;
    var u = new window.SpeechSynthesisUtterance(sentence);
    u.lang = config.speechLang || 'zh-CN';
    if (speech.voice) {
      u.voice = speech.voice;
    }
    u.rate = 0.9;
    u.onend = done;
    u.onerror = function (e) {
      if (e && e.error === 'not-allowed') {
        // the browser wants a touch before it speaks: say so, and keep the call for then
        speech.blocked = true;
        speech.queue.unshift(sentence);
        var hint = byId('qd-voice-hint');
        if (hint) {
          hint.hidden = false;
        }
        speech.speaking = false;
        return;
      }
      done();
    };
    // some engines never end an utterance: go on after a generous time
    speech.timer = setTimeout(done, 3000 + sentence.length * 400);
    synth.speak(u);
  }

  function unblock() {
    var hint = byId('qd-voice-hint');
    if (hint) {
      hint.hidden = true;
    }
    if (speech.blocked) {
      speech.blocked = false;
      speakNext();
    }
  }
  document.addEventListener('click', unblock);
  document.addEventListener('keydown', unblock);

  // ---- what the page shows -------------------------------------------------------------------------------------
  var shownCalls = {};
  var calls = [];

  function readCalls() {
    var rows = document.querySelectorAll('#qd-calls tr');
    for (var i = 0; i < rows.length; i++) {
      var id = Number(rows[i].getAttribute('data-event-id'));
      shownCalls[id] = true;
      var cells = rows[i].children;
      calls.push({
        id: id,
        number: cells[0].textContent,
        windowLabel: cells[1].textContent,
        name: cells[2].textContent,
        service: cells[3].textContent
      });
    }
  }

  function renderCalls() {
    var body = byId('qd-calls');
    if (!body) {
      return;
    }
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    for (var i = 0; i < calls.length; i++) {
      var c = calls[i];
      var tr = document.createElement('tr');
      tr.setAttribute('data-event-id', c.id);
      if (i === 0) {
        tr.className = 'qd-current';
      }
      var values = [c.number, c.windowLabel, c.name, c.service];
      for (var j = 0; j < values.length; j++) {
        var td = document.createElement('td');
        td.textContent = values[j] || '';
        if (j === 0) {
          td.className = 'qd-num';
        } else if (j === 3) {
          td.className = 'qd-svc';
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
  }

  function flash(element) {
    if (!element) {
      return;
    }
    element.classList.remove('qd-flash');
    void element.offsetWidth;
    element.classList.add('qd-flash');
  }

  function windowCard(d) {
    var grid = byId('qd-windows');
    if (!grid || d.windowId == null) {
      return null;
    }
    var card = grid.querySelector('[data-window-id="' + d.windowId + '"]');
    if (!card && d.window) {
      card = document.createElement('div');
      card.className = 'qd-win qd-st-IDLE';
      card.setAttribute('data-window-id', d.windowId);
      card.setAttribute('data-window', d.window);
      var no = document.createElement('div');
      no.className = 'qd-win-no';
      no.textContent = d.window;
      var body = document.createElement('div');
      body.className = 'qd-win-body';
      ['qd-win-status', 'qd-win-current', 'qd-win-pause'].forEach(function (cls) {
        var e = document.createElement('div');
        e.className = cls;
        body.appendChild(e);
      });
      card.appendChild(no);
      card.appendChild(body);
      grid.appendChild(card);
      fitWindows();
    }
    return card;
  }

  /** As many window cards as the hall has: denser grids when they do not fit. */
  function fitWindows() {
    var grid = byId('qd-windows');
    if (!grid) {
      return;
    }
    var steps = ['', 'qd-dense', 'qd-denser'];
    for (var i = 0; i < steps.length; i++) {
      grid.classList.remove('qd-dense', 'qd-denser');
      if (steps[i]) {
        grid.classList.add(steps[i]);
      }
      if (grid.scrollHeight <= grid.clientHeight + 2) {
        return;
      }
    }
  }
  window.addEventListener('resize', fitWindows);

  function setCardStatus(card, status) {
    card.className = card.className.replace(/\bqd-st-[A-Z_]+\b/g, '').trim() + ' qd-st-' + status;
    card.setAttribute('data-status', status);
    card.querySelector('.qd-win-status').textContent = text['status.' + status] || status;
  }

  function setCardCurrent(card, key, number) {
    card.querySelector('.qd-win-current').textContent = number ? fmt(key, number) : '';
  }

  // ---- hall display --------------------------------------------------------------------------------------------
  function hallCalled(id, d) {
    if (shownCalls[id]) {
      return;
    }
    shownCalls[id] = true;
    calls.unshift({
      id: id,
      number: d.number,
      windowLabel: d.window ? windowLabel(d.window) : '',
      name: d.name || '',
      service: d.service || ''
    });
    if (calls.length > config.maxCalls) {
      calls.length = config.maxCalls;
    }
    renderCalls();
    setText('qd-now-number', d.number);
    setText('qd-now-go', fmt('go', d.window));
    setText('qd-now-name', d.name || '');
    setText('qd-now-service', d.service || '');
    flash(byId('qd-now'));
    var card = windowCard(d);
    if (card) {
      setCardStatus(card, 'CALLING');
      setCardCurrent(card, 'calling', d.number);
      card.querySelector('.qd-win-pause').textContent = '';
    }
    announce(d.speech || d.announcement, config.repeats);
  }

  function windowLabel(number) {
    return (text['window-number'] || '{0}').replace('{0}', number);
  }

  function hallWindowState(d) {
    var card = windowCard(d);
    if (!card) {
      return;
    }
    setCardStatus(card, d.status);
    if (d.status === 'PAUSED') {
      var pause = d.pauseReason || '';
      if (d.pauseUntil) {
        pause += (pause ? ' · ' : '') + fmt('until', hhmm(d.pauseUntil));
      }
      card.querySelector('.qd-win-pause').textContent = pause;
    } else {
      card.querySelector('.qd-win-pause').textContent = '';
    }
    if (d.status === 'IDLE' || d.status === 'SIGNED_OUT' || d.status === 'PAUSED') {
      setCardCurrent(card, null, null);
    }
  }

  function hallTicket(type, d) {
    var card = windowCard(d);
    if (!card) {
      return;
    }
    if (type === 'ticket.serving') {
      setCardStatus(card, 'SERVING');
      setCardCurrent(card, 'serving', d.number);
    } else {
      var current = card.querySelector('.qd-win-current').textContent;
      if (current && current.indexOf(d.number) >= 0) {
        setCardStatus(card, 'IDLE');
        setCardCurrent(card, null, null);
      }
    }
  }

  function setWaiting(item, count) {
    item.setAttribute('data-waiting', count);
    item.querySelector('.qd-svc-waiting').textContent = fmt('waiting-unit', count);
  }

  /*
   * The people waiting come from the server (config.waiting), never from counting events here: every ticket event
   * (and a queue.stats snapshot, which may be older than the events around it) asks again, at most one request at a
   * time and a short moment after a burst of events, so the numbers are the database's whatever node served a command.
   */
  var WAITING_DELAY = 250;
  var waitingState = {timer: null, busy: false, again: false};
  hook.waitingFetches = 0;

  function refreshWaiting() {
    if (!config.waiting || !window.fetch) {
      return;
    }
    if (waitingState.busy) {
      waitingState.again = true;
      return;
    }
    if (!waitingState.timer) {
      waitingState.timer = setTimeout(fetchWaiting, WAITING_DELAY);
    }
  }

  function fetchWaiting() {
    waitingState.timer = null;
    waitingState.busy = true;
    waitingState.again = false;
    window.fetch(config.waiting, {headers: {Accept: 'application/json'}, cache: 'no-store', credentials: 'same-origin'})
      .then(function (r) {
        return r.ok ? r.json() : null;
      })
      .then(function (body) {
        if (body && body.waiting) {
          var items = document.querySelectorAll('#qd-services [data-service-id]');
          for (var i = 0; i < items.length; i++) {
            var n = body.waiting[items[i].getAttribute('data-service-id')];
            setWaiting(items[i], n == null ? 0 : n);
          }
          hook.waitingFetches++;
        }
      }, function () {
        waitingState.again = true;
      })
      .then(function () {
        waitingState.busy = false;
        if (waitingState.again) {
          waitingState.again = false;
          setTimeout(refreshWaiting, 1000);
        }
      });
  }

  function stats(d) {
    var list = byId('qd-services');
    if (!list || !d.services) {
      return;
    }
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    d.services.forEach(function (s) {
      var item = document.createElement('div');
      item.className = 'qd-svc-item';
      item.setAttribute('data-service-id', s.serviceId);
      item.setAttribute('data-waiting', s.waiting);
      [['qd-svc-prefix', s.prefix], ['qd-svc-name', s.name], ['qd-svc-waiting', fmt('waiting-unit', s.waiting)],
        ['qd-svc-avg', fmt('minutes-unit', Math.round((s.avgMinutes || 0)))]].forEach(function (p) {
        var span = document.createElement('span');
        span.className = p[0];
        span.textContent = p[1];
        item.appendChild(span);
      });
      list.appendChild(item);
    });
  }

  // ---- window display ------------------------------------------------------------------------------------------
  var current = null;
  (function () {
    var shown = byId('qd-current');
    if (shown && shown.textContent && shown.textContent !== '—') {
      current = shown.textContent;
    }
  })();

  function setWindowStatus(status) {
    var body = document.body;
    body.className = body.className.replace(/\bqd-st-[A-Z_]+\b/g, '').replace(/\s+/g, ' ').trim() + ' qd-st-' + status;
    body.setAttribute('data-status', status);
  }

  function windowCalled(id, d) {
    if (shownCalls[id]) {
      return;
    }
    shownCalls[id] = true;
    current = d.number;
    setWindowStatus('CALLING');
    setText('qd-current', d.number);
    setText('qd-serving-text', fmt('window.call', d.number));
    flash(byId('qd-current'));
    announce(d.speech || d.announcement, config.repeats);
  }

  function windowTicket(type, d) {
    if (type === 'ticket.serving') {
      current = d.number;
      setWindowStatus('SERVING');
      setText('qd-current', d.number);
      setText('qd-serving-text', text['window.serving']);
    } else if (current === d.number) {
      current = null;
      setText('qd-current', '—');
      setText('qd-serving-text', text['window.idle']);
    }
  }

  function windowState(d) {
    setWindowStatus(d.status);
    setText('qd-staff', d.staffName ? fmt('window.staff', d.staffName) : '');
    if (d.status === 'PAUSED' || d.status === 'SIGNED_OUT') {
      setText('qd-sign', d.status === 'PAUSED' ? text['window.paused'] : text['window.signed-out']);
      setText('qd-pause-reason', d.pauseReason ? fmt('reason', d.pauseReason) : '');
      setText('qd-pause-until', d.pauseUntil ? fmt('until', hhmm(d.pauseUntil)) : '');
      var alternatives = d.alternatives || [];
      setText('qd-alternatives', alternatives.length
        ? fmt('alternatives', alternatives.join(text.separator || '、'))
        : text['no-alternatives']);
    } else if (d.status === 'IDLE') {
      current = null;
      setText('qd-current', '—');
      setText('qd-serving-text', text['window.idle']);
    }
  }

  // ATT-3: the absence notice sign (告知牌) put up or taken down
  function windowNotice(d) {
    document.body.classList.toggle('qd-has-notice', !!d.shown);
    setText('qd-notice-away', d.shown ? fmt('notice.away', d.staffName) : '');
    setText('qd-notice-reason', d.shown ? fmt('notice.reason', d.reason) : '');
    setText('qd-notice-contact', d.shown ? fmt('notice.contact', d.contact) : '');
    setText('qd-notice-back', d.shown && d.expectedBack ? fmt('notice.back', hhmm(d.expectedBack)) : '');
    setText('qd-notice-stand-in', d.shown && d.standIn ? fmt('notice.stand-in', d.standIn) : '');
  }

  // ---- the stream ----------------------------------------------------------------------------------------------
  function apply(type, id, d) {
    hook.events.push(type);
    if (id > hook.lastEventId) {
      hook.lastEventId = id;
    }
    if (type === 'reset') {
      window.location.reload();
      return;
    }
    if (isWindow) {
      if (d.windowId !== config.windowId) {
        return;
      }
      if (type === 'ticket.called') {
        windowCalled(id, d);
      } else if (type === 'window.state') {
        windowState(d);
      } else if (type === 'window.notice') {
        windowNotice(d);
      } else if (type.indexOf('ticket.') === 0) {
        windowTicket(type, d);
      }
      // a call, start, skip or finish carries the window's state after it (no window.state event of its own)
      if (d.windowState) {
        windowState(d.windowState);
      }
      return;
    }
    if (type === 'ticket.called') {
      hallCalled(id, d);
    } else if (type === 'window.state') {
      hallWindowState(d);
    } else if (type === 'queue.stats') {
      stats(d);
    } else if (type !== 'ticket.issued' && type !== 'ticket.cancelled' && type.indexOf('ticket.') === 0) {
      hallTicket(type, d);
    }
    if (d.windowState) {
      hallWindowState(d.windowState);
    }
    if (type === 'queue.stats' || type === 'window.state' || type.indexOf('ticket.') === 0) {
      refreshWaiting();
    }
  }

  var TYPES = ['ticket.issued', 'ticket.called', 'ticket.serving', 'ticket.finished', 'ticket.skipped',
    'ticket.returned', 'ticket.transferred', 'ticket.cancelled', 'window.state', 'window.notice', 'queue.stats', 'reset'];
  var source = null;
  var retryTimer = null;

  function connected(open) {
    hook.connected = open;
    var c = byId('qd-conn');
    if (c) {
      c.hidden = open;
    }
  }

  function connect() {
    if (!window.EventSource) {
      return;
    }
    if (source) {
      source.close();
    }
    var url = config.events + (config.events.indexOf('?') < 0 ? '?' : '&') + 'lastEventId=' + hook.lastEventId;
    source = new EventSource(url);
    source.onopen = function () {
      connected(true);
      if (!isWindow) {
        // what changed while the stream was down
        refreshWaiting();
      }
    };
    source.onerror = function () {
      if (hook.connected) {
        hook.disconnects++;
      }
      connected(false);
      if (source.readyState === EventSource.CLOSED) {
        // refused or gone for good (e.g. the server restarted with an error): try again with the last id seen
        if (!retryTimer) {
          retryTimer = setTimeout(function () {
            retryTimer = null;
            connect();
          }, 5000);
        }
      }
      // otherwise EventSource reconnects by itself and sends Last-Event-ID
    };
    TYPES.forEach(function (type) {
      source.addEventListener(type, function (e) {
        var id = Number(e.lastEventId) || 0;
        var data = {};
        try {
          data = JSON.parse(e.data || '{}');
        } catch (err) {
          return;
        }
        apply(type, id, data);
      });
    });
  }

  if (!isWindow) {
    readCalls();
    fitWindows();
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(fitWindows);
    }
  }
  connect();
})();
