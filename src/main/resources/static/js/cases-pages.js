// Case pages: the intake form shows the credit-code field only for an organisation applicant.
document.addEventListener('change', function (evt) {
  var t = evt.target;
  if (t && t.matches && t.matches('input[data-kind-switch]')) {
    var fs = t.closest('fieldset');
    if (fs) {
      fs.classList.remove('kind-PERSON', 'kind-ORGANIZATION');
      fs.classList.add('kind-' + t.value);
    }
  }
});
