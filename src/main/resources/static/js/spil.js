// Spil: htmx requests carry the CSRF token of the page.
document.body.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form that comes back with a problem puts the keyboard focus on it: the "changed meanwhile" message first,
// else the first field in error (its message is read out through aria-describedby).
(function () {
  var target = document.getElementById('conflict') || document.querySelector('main .is-invalid');
  if (target) {
    if (!target.matches('input, select, textarea, button, a[href]')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
})();
