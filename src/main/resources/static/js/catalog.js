// catalogue pages: the print button of a guide, and adding / removing repeated rows (materials, fees,
// assisting departments) of the item form. New rows take the next free index; the server ignores gaps.
document.addEventListener('click', function (evt) {
  if (evt.target.closest('[data-print]')) { window.print(); return; }
  var add = evt.target.closest('[data-add-row]');
  if (add) {
    var tbody = document.getElementById(add.getAttribute('data-add-row'));
    var tpl = document.getElementById(add.getAttribute('data-template'));
    var next = parseInt(tbody.getAttribute('data-next') || tbody.children.length, 10);
    tbody.insertAdjacentHTML('beforeend', tpl.innerHTML.replace(/__i__/g, String(next)));
    tbody.setAttribute('data-next', String(next + 1));
    var first = tbody.lastElementChild.querySelector('input, select');
    if (first) { first.focus(); }
    return;
  }
  var remove = evt.target.closest('[data-remove-row]');
  if (remove) {
    var row = remove.closest('tr');
    var focusTarget = row.closest('.rows').querySelector('[data-add-row]');
    row.remove();
    if (focusTarget) { focusTarget.focus(); }
  }
});
