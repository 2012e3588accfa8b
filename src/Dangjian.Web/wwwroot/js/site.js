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

// Printable pages (e.g. the dues 公示) offer a print button; without scripts the browser's own print command does the same.
document.addEventListener('click', function (event) {
  var button = event.target && event.target.closest && event.target.closest('[data-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});
