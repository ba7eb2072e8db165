// Small enhancements only: every page works without this file.
(function () {
  'use strict';

  // Ask before destructive actions (forms marked with data-confirm).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented) {
      return;
    }
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      return;
    }
    // One click, one submission: the server also guards this with the draft's
    // submission id, but a disabled button tells the user it is on its way.
    var buttons = form.querySelectorAll('button[type=submit]');
    window.setTimeout(function () {
      buttons.forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // Coming back with the Back button shows the page as it was left: usable again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('button[type=submit][disabled]').forEach(function (b) { b.disabled = false; });
    }
  });

  // ---- File manager: change folders without reloading the whole page. ----
  var manager = document.querySelector('main.files');

  function sameOrigin(url) {
    return url.origin === window.location.origin && url.pathname === '/files';
  }

  function checkedItems(pane) {
    var values = [];
    document.querySelectorAll('#pane-' + pane + ' input[name=item]:checked').forEach(function (box) {
      values.push(box.value);
    });
    return values;
  }

  // Loads another state of the page and swaps in both panes (the forms of each pane
  // carry the other's folder), keeping the selection of the pane that did not move.
  function load(url, pane, push) {
    var section = document.getElementById('pane-' + pane);
    var other = pane === 'a' ? 'b' : 'a';
    var keep = checkedItems(other);
    var keepFolder = folderOf(other);
    if (section) {
      section.classList.add('loading');
      section.setAttribute('aria-busy', 'true');
    }
    return fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        var finalUrl = new URL(response.url);
        if (!response.ok || !sameOrigin(finalUrl)) {
          // Consent, login or an error page: let the browser go there.
          window.location.assign(url);
          return null;
        }
        return response.text().then(function (html) { return { html: html, url: response.url }; });
      })
      .then(function (result) {
        if (!result) {
          return;
        }
        var doc = new DOMParser().parseFromString(result.html, 'text/html');
        var fresh = doc.querySelector('main.files');
        if (!fresh) {
          window.location.assign(url);
          return;
        }
        // Move the parsed nodes rather than re-parse serialized HTML, so names from
        // Globus are never turned back into markup.
        var nodes = Array.prototype.map.call(fresh.childNodes, function (node) {
          return document.importNode(node, true);
        });
        manager.replaceChildren.apply(manager, nodes);
        manager.setAttribute('data-url', fresh.getAttribute('data-url'));
        if (folderOf(other) === keepFolder) {
          keep.forEach(function (value) {
            document.querySelectorAll('#pane-' + other + ' input[name=item]').forEach(function (box) {
              if (box.value === value) {
                box.checked = true;
              }
            });
          });
        }
        if (push) {
          window.history.pushState({ pane: pane }, '', result.url);
        }
        enhancePanes();
        var heading = document.getElementById('pane-' + pane + '-title');
        if (heading) {
          heading.focus();
        }
      })
      .catch(function () {
        window.location.assign(url);
      });
  }

  function folderOf(pane) {
    var field = document.querySelector('#pane-' + pane + ' input[name=source_path]');
    return field ? field.value : null;
  }

  function paneOf(element) {
    var section = element.closest('section.pane');
    return section ? section.getAttribute('data-pane') : null;
  }

  function enhancePanes() {
    document.querySelectorAll('form.selection').forEach(function (form) {
      var boxes = form.querySelectorAll('input[name=item]');
      var head = form.querySelector('th.select');
      if (!head || boxes.length === 0 || head.querySelector('input')) {
        return;
      }
      var all = document.createElement('input');
      all.type = 'checkbox';
      all.id = form.id + '-all';
      all.setAttribute('aria-label', 'Select all on this page');
      head.appendChild(all);
      var count = document.createElement('span');
      count.className = 'muted selected-count';
      count.setAttribute('aria-live', 'polite');
      var bar = form.querySelector('.transfer-bar');
      if (bar) {
        bar.appendChild(count);
      }
      function update() {
        var n = form.querySelectorAll('input[name=item]:checked').length;
        count.textContent = n === 0 ? '' : ' ' + n + ' selected';
        all.checked = n === boxes.length;
        all.indeterminate = n > 0 && n < boxes.length;
        boxes.forEach(function (box) {
          box.closest('tr').classList.toggle('selected', box.checked);
        });
      }
      all.addEventListener('change', function () {
        boxes.forEach(function (box) { box.checked = all.checked; });
        update();
      });
      // Shift-click selects the range from the last box clicked, as file managers do.
      var last = null;
      form.addEventListener('click', function (event) {
        var box = event.target;
        if (box.name !== 'item') {
          return;
        }
        var list = Array.prototype.slice.call(boxes);
        if (event.shiftKey && last !== null) {
          var from = Math.min(list.indexOf(last), list.indexOf(box));
          var to = Math.max(list.indexOf(last), list.indexOf(box));
          for (var i = from; i <= to; i++) {
            list[i].checked = box.checked;
          }
        }
        last = box;
        update();
      });
      form.addEventListener('change', function (event) {
        if (event.target.name === 'item') {
          update();
        }
      });
      update();
    });
  }

  if (manager) {
    enhancePanes();
    manager.addEventListener('click', function (event) {
      var link = event.target.closest('a');
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      var url = new URL(link.href, window.location.href);
      var pane = paneOf(link);
      if (!pane || !sameOrigin(url)) {
        return;
      }
      event.preventDefault();
      load(url.toString(), pane, true);
    });
    manager.addEventListener('submit', function (event) {
      var form = event.target;
      var pane = paneOf(form);
      if (!pane || form.method.toLowerCase() !== 'get') {
        return;
      }
      var url = new URL(form.action, window.location.href);
      if (!sameOrigin(url)) {
        return;
      }
      event.preventDefault();
      url.search = new URLSearchParams(new FormData(form)).toString();
      load(url.toString(), pane, true);
    }, true);
    window.addEventListener('popstate', function () {
      load(window.location.href, (window.history.state && window.history.state.pane) || 'a', false);
    });
  }

  // ---- Task page: live progress from the portal's own JSON endpoint. ----
  var task = document.getElementById('task');
  if (task && task.getAttribute('data-active') === 'true') {
    var endpoint = task.getAttribute('data-progress');
    var set = function (id, value) {
      var element = document.getElementById(id);
      if (element && value !== null && value !== undefined) {
        element.textContent = String(value);
      }
    };
    var bar = function (id, value) {
      var element = document.getElementById(id);
      if (element) {
        element.value = value;
        element.textContent = value + '%';
      }
    };
    // The "What went wrong" section: fetched again, as the server renders it, only when
    // the progress says it changed. Parsed nodes are moved in, never re-parsed markup.
    var triageLoading = false;
    var refreshTriage = function (key) {
      var section = document.getElementById('triage');
      if (!section || triageLoading || key === undefined || key === section.getAttribute('data-key')) {
        return;
      }
      triageLoading = true;
      fetch(section.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          if (!response.ok || type.indexOf('text/html') !== 0) {
            throw new Error('no triage');
          }
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('triage');
          var current = document.getElementById('triage');
          if (fresh && current) {
            current.replaceWith(document.importNode(fresh, true));
          }
        })
        .catch(function () {
          // The next change tries again; the page's own reload shows it at the end.
        })
        .then(function () {
          triageLoading = false;
        });
    };
    var poll = function () {
      fetch(endpoint, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          var type = response.headers.get('Content-Type') || '';
          if (!response.ok || type.indexOf('application/json') !== 0) {
            throw new Error('no progress');
          }
          return response.json();
        })
        .then(function (p) {
          var status = document.getElementById('task-status');
          status.textContent = p.status;
          status.className = 'badge status-' + p.status;
          set('task-nice-status', p.niceStatus && p.niceStatus !== 'OK' ? '(' + p.niceStatus + ')' : '');
          bar('progress-files', p.filesPercent);
          bar('progress-subtasks', p.percent);
          set('task-bytes', p.bytes);
          set('task-files-transferred', p.filesTransferred);
          set('task-files', p.files);
          set('task-subtasks-succeeded', p.subtasksSucceeded);
          set('task-subtasks-pending', p.subtasksPending);
          set('task-subtasks-failed', p.subtasksFailed);
          set('task-subtasks-total', p.subtasksTotal);
          set('task-rate', p.rate);
          set('task-elapsed', p.elapsed);
          set('task-error', p.fatalError || 'none');
          var note = document.getElementById('task-note');
          if (note) {
            note.textContent = p.note || '';
            note.hidden = !p.note;
            note.className = p.noteIsProblem ? 'error' : 'notice';
          }
          document.getElementById('task-error').classList.toggle('error', !!p.fatalError);
          refreshTriage(p.triageKey);
          if (p.active) {
            window.setTimeout(poll, 2000);
          }
          else {
            // Finished: one reload brings the final events and file list.
            window.location.reload();
          }
        })
        .catch(function () {
          // Progress is a nicety: fall back to reloading the page now and then.
          window.setTimeout(function () { window.location.reload(); }, 10000);
        });
    };
    window.setTimeout(poll, 2000);
  }

  // ---- Transfer form: search for collections in place; a bookmark fills its folder. ----
  document.querySelectorAll('fieldset.side[data-search]').forEach(function (side) {
    var name = side.getAttribute('data-side');
    var select = side.querySelector('select.collection-select');
    var query = side.querySelector('input[name=' + name + '_q]');
    var scope = side.querySelector('select[name=' + name + '_scope]');
    var button = side.querySelector('button.find');
    var message = side.querySelector('.search-message');
    var path = side.querySelector('input[name=' + name + '_path]');
    if (!select || !query || !button) {
      return;
    }
    button.hidden = false;
    function say(text) {
      if (message) {
        message.textContent = text;
      }
    }
    function search(event) {
      event.preventDefault();
      var url = new URL(side.getAttribute('data-search'), window.location.href);
      url.searchParams.set('q', query.value);
      url.searchParams.set('scope', scope ? scope.value : 'all');
      say('Searching…');
      fetch(url.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        })
        .then(function (answer) {
          if (!answer.ok) {
            say(answer.body.message || 'The search did not work; try again.');
            return;
          }
          var results = answer.body.results || [];
          var old = select.querySelector('optgroup.found');
          if (old) {
            old.remove();
          }
          if (results.length === 0) {
            say('No collections found.');
            return;
          }
          var group = document.createElement('optgroup');
          group.className = 'found';
          group.label = 'Found for “' + query.value.trim() + '”';
          results.forEach(function (r) {
            var option = document.createElement('option');
            option.value = r.id;
            option.textContent = r.label;
            if (r.path) {
              option.setAttribute('data-path', r.path);
            }
            group.appendChild(option);
          });
          select.insertBefore(group, select.children[1] || null);
          // A pasted id, or a single match, is chosen; otherwise the user picks.
          if (results.length === 1 || results[0].selected) {
            select.value = results[0].id;
            select.dispatchEvent(new Event('change'));
          }
          say(results.length + (results.length === 1 ? ' collection' : ' collections') + ' found: '
            + (results.length === 1 ? 'chosen in the list above.' : 'choose one in the list above.'));
          query.value = '';
          select.focus();
        })
        .catch(function () {
          say('The search did not work; try again.');
        });
    }
    button.addEventListener('click', search);
    query.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        search(event);
      }
    });
    select.addEventListener('change', function () {
      var chosen = select.options[select.selectedIndex];
      var folder = chosen ? chosen.getAttribute('data-path') : null;
      if (folder && path && path.value.trim() === '') {
        path.value = folder;
      }
      // The id shown on request follows the list's choice.
      var id = side.querySelector('details.chosen');
      if (id) {
        id.querySelector('code').textContent = select.value;
        id.hidden = select.value === '';
      }
    });
  });

  // Copy buttons (hidden without JavaScript, where the text can be selected instead).
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(source.textContent).then(function () {
        button.textContent = 'Copied';
        window.setTimeout(function () { button.textContent = 'Copy command'; }, 2000);
      });
    });
  });
})();
