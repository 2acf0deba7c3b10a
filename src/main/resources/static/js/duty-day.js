// The supervisor's day (DUTY-3..5): print button of a day's record; an inspection aspect's note is focused when a
// finding is chosen for it (a finding needs a note).
document.addEventListener('click', function (evt) {
  if (evt.target.closest('[data-print]')) { window.print(); }
});
document.addEventListener('change', function (evt) {
  var radio = evt.target;
  if (radio.type === 'radio' && radio.value === 'FINDING' && radio.checked) {
    var row = radio.closest('.dd-aspect-row');
    var note = row && row.querySelector('.dd-aspect-note');
    if (note) { note.required = true; note.focus(); }
  } else if (radio.type === 'radio' && radio.value === 'OK' && radio.checked) {
    var r = radio.closest('.dd-aspect-row');
    var n = r && r.querySelector('.dd-aspect-note');
    if (n) { n.required = false; }
  }
});
