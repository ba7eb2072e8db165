// Uploads with progress: one PUT per chosen file, its bytes as the body. Without this
// file the upload form posts one file as a plain form and the page says how it went.
(function () {
  'use strict';

  function csrf(form) {
    var field = form.querySelector('input[name=_csrf]');
    return field ? field.value : '';
  }

  function query(params) {
    return Object.keys(params).map(function (key) {
      return encodeURIComponent(key) + '=' + encodeURIComponent(params[key]);
    }).join('&');
  }

  // Several files at once are the script's to send.
  function enhance() {
    document.querySelectorAll('form.upload-form input[type=file]').forEach(function (input) {
      input.multiple = true;
    });
  }

  function line(list, name) {
    var item = document.createElement('li');
    var label = document.createElement('span');
    label.textContent = name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Upload of ' + name);
    var status = document.createElement('span');
    status.className = 'upload-status';
    item.appendChild(label);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(bar);
    item.appendChild(document.createTextNode(' '));
    item.appendChild(status);
    list.appendChild(item);
    return { item: item, bar: bar, status: status };
  }

  function say(row, text, problem) {
    row.status.textContent = text;
    row.item.classList.toggle('upload-failed', !!problem);
  }

  function answerOf(xhr) {
    try {
      return JSON.parse(xhr.responseText);
    } catch (e) {
      return { status: 'failed', message: 'The portal answered HTTP ' + xhr.status + '.' };
    }
  }

  // Asks first whether the name is taken (and anything else that stops the upload).
  function check(form, file, overwrite) {
    var params = {
      collection: form.getAttribute('data-collection'),
      path: form.getAttribute('data-path'),
      name: file.name,
      size: String(file.size)
    };
    if (overwrite) {
      params.overwrite = '1';
    }
    return fetch('/files/upload/check?' + query(params), {
      credentials: 'same-origin', headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.json().catch(function () {
        return { status: 'failed', message: 'The portal answered HTTP ' + response.status + '.' };
      });
    });
  }

  function send(form, file, overwrite, row) {
    return new Promise(function (resolve) {
      var params = {
        collection: form.getAttribute('data-collection'),
        path: form.getAttribute('data-path'),
        name: file.name
      };
      if (overwrite) {
        params.overwrite = '1';
      }
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', '/files/upload?' + query(params));
      xhr.setRequestHeader('X-CSRF-TOKEN', csrf(form));
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          row.bar.value = Math.round(event.loaded * 100 / event.total);
          row.status.textContent = row.bar.value + '%';
        }
      });
      xhr.addEventListener('load', function () {
        resolve(answerOf(xhr));
      });
      function broken() {
        resolve({ status: 'failed', message: 'The upload of \u201c' + file.name
          + '\u201d broke off (the connection was lost). Nothing was saved under that name; try again.' });
      }
      xhr.addEventListener('error', broken);
      xhr.addEventListener('abort', broken);
      xhr.send(file);
    });
  }

  function upload(form, file, list, overwriteAll) {
    var row = line(list, file.name);
    say(row, 'checking…', false);
    return check(form, file, overwriteAll).then(function (answer) {
      var overwrite = overwriteAll;
      if (answer.status === 'exists') {
        if (!window.confirm(answer.message)) {
          say(row, 'skipped: a file of that name is there', true);
          return false;
        }
        overwrite = true;
      } else if (answer.status !== 'ready') {
        return finish(form, row, answer, file, overwriteAll, list);
      }
      return send(form, file, overwrite, row).then(function (result) {
        return finish(form, row, result, file, overwrite, list);
      });
    });
  }

  function finish(form, row, answer, file, overwrite, list) {
    if (answer.status === 'saved') {
      row.bar.value = 100;
      say(row, answer.message, false);
      return true;
    }
    say(row, answer.message || 'The upload failed.', true);
    if (answer.status === 'consent') {
      var consent = form.parentNode.querySelector('form.upload-consent');
      if (consent) {
        consent.querySelector('input[name=reason]').value = answer.reason || 'missing';
        consent.hidden = false;
      }
    } else {
      var retry = document.createElement('button');
      retry.type = 'button';
      retry.textContent = 'Retry';
      retry.addEventListener('click', function () {
        row.item.remove();
        upload(form, file, list, overwrite);
      });
      row.item.appendChild(document.createTextNode(' '));
      row.item.appendChild(retry);
    }
    return false;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('upload-form') || !window.fetch || !window.FormData) {
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    var input = form.querySelector('input[type=file]');
    var files = Array.prototype.slice.call(input.files || []);
    var list = form.querySelector('.upload-progress');
    var button = form.querySelector('button[type=submit]');
    if (files.length === 0) {
      return;
    }
    var overwriteAll = form.querySelector('input[name=overwrite]').checked;
    button.disabled = true;
    list.replaceChildren();
    var saved = 0;
    files.reduce(function (previous, file) {
      return previous.then(function () {
        return upload(form, file, list, overwriteAll).then(function (ok) {
          if (ok) {
            saved++;
          }
        });
      });
    }, Promise.resolve()).then(function () {
      button.disabled = false;
      input.value = '';
      if (saved > 0) {
        var refresh = document.createElement('a');
        refresh.href = window.location.href;
        refresh.textContent = 'Show the folder with the new files';
        refresh.id = form.id + '-refresh';
        var item = document.createElement('li');
        item.appendChild(refresh);
        list.appendChild(item);
      }
    });
  }, true);

  enhance();
  // The file manager swaps its panes in place: enhance the new forms too.
  new MutationObserver(enhance).observe(document.body, { childList: true, subtree: true });
})();
