// Q-7 appointments: a form with data-confirm asks before it is sent (cancel a booking, record a no-show).
document.addEventListener('submit', function (evt) {
  var form = evt.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    evt.preventDefault();
  }
});
