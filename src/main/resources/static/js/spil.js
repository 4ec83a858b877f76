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

// Lists marked data-row-keys work from the keyboard: "/" jumps to the search field, j/k (or arrow down/up) move
// between rows, x ticks the row's checkbox, Enter opens the row (its first link has the focus). Never while typing.
document.addEventListener('keydown', function (event) {
  var table = document.querySelector('table[data-row-keys]');
  if (!table || event.ctrlKey || event.metaKey || event.altKey || event.target.matches('input, select, textarea, [contenteditable]')) {
    if (table && event.key === 'Escape' && event.target.matches('input[type=search]')) {
      event.target.blur();
    }
    return;
  }
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var current = rows.findIndex(function (row) { return row.contains(document.activeElement); });
  var move = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 }[event.key];
  if (event.key === '/') {
    var search = document.querySelector('main input[type=search]');
    if (search) {
      event.preventDefault();
      search.focus();
    }
  } else if (move && rows.length) {
    event.preventDefault();
    var next = rows[Math.min(rows.length - 1, Math.max(0, current < 0 ? 0 : current + move))];
    next.querySelector('a[href]').focus();
  } else if (event.key === 'x' && current >= 0) {
    var box = rows[current].querySelector('input[type=checkbox]');
    if (box) {
      box.checked = !box.checked;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
});
