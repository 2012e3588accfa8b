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
// A file over the size limit is refused before it is sent; the server checks again, but only after the whole upload.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.querySelectorAll) return;
  var inputs = form.querySelectorAll('input[type=file][data-max-bytes]');
  for (var i = 0; i < inputs.length; i++) {
    var max = Number(inputs[i].getAttribute('data-max-bytes'));
    var files = inputs[i].files || [];
    for (var j = 0; j < files.length; j++) {
      if (files[j].size > max) {
        window.alert(inputs[i].getAttribute('data-max-message') || '文件过大');
        event.preventDefault();
        return;
      }
    }
  }
}, true);
