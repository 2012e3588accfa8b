// Small progressive enhancements; every page works without them.
document.documentElement.classList.add('dj-js');

document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.matches && target.matches('select[data-autosubmit]')) {
    target.form.requestSubmit ? target.form.requestSubmit() : target.form.submit();
  }
});

// Deleting or dissolving asks first; the message says what goes with the record.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var message = form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);
