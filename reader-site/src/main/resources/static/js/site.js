/* Back & Joint Health: enhancements for every page. The pages work fully without this file: search is a plain
   form and feedback forms post normally. This adds search suggestions, feedback without a reload, and the service
   worker that keeps visited pages for offline reading. */
(function () {
  'use strict';

  /* ---------- Offline reading ---------- */

  if ('serviceWorker' in navigator) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(function () { /* the site works without it */ });
    });
  }

  /* ---------- Search suggestions (ARIA combobox with a listbox popup) ---------- */

  var PATHS = { article: '/articles/', exercise: '/exercises/', routine: '/routines/' };
  var TYPES = { article: 'Article', exercise: 'Exercise', routine: 'Routine' };

  function setUpSuggestions(input) {
    var list = document.getElementById(input.getAttribute('aria-controls') || '')
      || (input.form && input.form.querySelector('.suggestions'));
    var endpoint;
    try {
      endpoint = new URL(input.getAttribute('data-suggest'), window.location.href);
    } catch (e) {
      return;
    }
    // same origin only: the page never talks to other sites
    if (!list || !list.id || endpoint.origin !== window.location.origin || !window.fetch) {
      return;
    }
    // The combobox roles only mean something once this script runs: the page without it has a plain search box.
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    var debounce = 0;
    var hideLater = 0;
    var controller = null;
    var active = -1;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
    }

    function select(index) {
      var all = options();
      active = index;
      all.forEach(function (option, n) {
        option.setAttribute('aria-selected', n === index ? 'true' : 'false');
      });
      if (index >= 0 && all[index]) {
        input.setAttribute('aria-activedescendant', all[index].id);
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      select(-1);
      list.hidden = true;
      list.textContent = '';
      input.setAttribute('aria-expanded', 'false');
    }

    function show(items) {
      list.textContent = '';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      items.forEach(function (item, n) {
        if (!item || typeof item.text !== 'string' || typeof item.slug !== 'string' || !PATHS[item.type]) {
          return;
        }
        var option = document.createElement('li');
        option.id = list.id + '-' + n;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-href', PATHS[item.type] + encodeURIComponent(item.slug));
        var text = document.createElement('span');
        text.textContent = item.text;
        var type = document.createElement('span');
        type.className = 'suggestion-type';
        var comma = document.createElement('span');
        comma.className = 'visually-hidden';
        comma.textContent = ', ';
        type.appendChild(comma);
        type.appendChild(document.createTextNode(TYPES[item.type]));
        option.appendChild(text);
        option.appendChild(type);
        list.appendChild(option);
      });
      var open = list.children.length > 0;
      list.hidden = !open;
      input.setAttribute('aria-expanded', open ? 'true' : 'false');
    }

    function ask(typed) {
      if (controller) {
        controller.abort();
      }
      controller = typeof AbortController === 'function' ? new AbortController() : null;
      var url = new URL(endpoint.href);
      url.searchParams.set('q', typed);
      url.searchParams.set('size', '5');
      fetch(url.href, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (items) {
          // only if the reader is still in the box and has not typed on
          if (document.activeElement === input && input.value.trim() === typed) {
            show(Array.isArray(items) ? items : []);
          }
        })
        .catch(function () { /* offline or aborted: no suggestions, the form still works */ });
    }

    function go(option) {
      var href = option && option.getAttribute('data-href');
      if (href) {
        close();
        window.location.assign(href);
      }
    }

    input.addEventListener('input', function () {
      window.clearTimeout(debounce);
      var typed = input.value.trim();
      if (typed.length < 2) {
        if (controller) {
          controller.abort();
        }
        close();
        return;
      }
      debounce = window.setTimeout(function () { ask(typed); }, 150);
    });

    input.addEventListener('keydown', function (event) {
      var all = options();
      var open = !list.hidden && all.length > 0;
      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open) {
        event.preventDefault();
        var count = all.length + 1; // the options, then back to the text typed (-1)
        var next = ((active + 1 + (event.key === 'ArrowDown' ? 1 : -1)) % count + count) % count - 1;
        select(next);
      } else if (event.key === 'Enter' && open && active >= 0) {
        event.preventDefault();
        go(all[active]);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener('blur', function () {
      // a little later, so that a click on a suggestion lands first
      hideLater = window.setTimeout(close, 200);
    });
    input.addEventListener('focus', function () {
      window.clearTimeout(hideLater);
    });

    // keep the focus in the box while a suggestion is pressed
    list.addEventListener('mousedown', function (event) {
      event.preventDefault();
    });
    list.addEventListener('click', function (event) {
      var option = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      if (option && list.contains(option)) {
        go(option);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest]'), setUpSuggestions);

  /* ---------- "Was this helpful?" without a reload ---------- */

  var FEEDBACK_FORMS = 'form.feedback-vote, form.feedback-details';
  var passThrough = typeof WeakSet === 'function' ? new WeakSet() : null;
  var sending = typeof WeakSet === 'function' ? new WeakSet() : null;

  // After the panel changes, move the focus into it so that screen readers read the new step.
  function focusPanel(section) {
    var candidates = section.querySelectorAll(
      'h2, h3, [role="status"], [role="alert"], a[href], button, input:not([type="hidden"]), textarea, select');
    for (var i = 0; i < candidates.length; i++) {
      var element = candidates[i];
      if (!element.closest('.hp')) {
        if (!element.matches('a[href], button, input, textarea, select') && !element.hasAttribute('tabindex')) {
          element.setAttribute('tabindex', '-1');
        }
        element.focus();
        return;
      }
    }
  }

  // The server answers with the panel: the whole <section class="feedback"> or only its content.
  function replacePanel(section, html, response) {
    var template = document.createElement('template');
    template.innerHTML = html;
    var panel = template.content.querySelector('section.feedback');
    if (!panel && response.redirected) {
      // a full page after a redirect: show it as a plain post would
      window.location.assign(response.url);
      return;
    }
    section.innerHTML = panel ? panel.innerHTML : html;
    focusPanel(section);
  }

  function submitPlainly(form, submitter) {
    if (passThrough) {
      passThrough.add(form);
    }
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit(submitter && submitter.form === form ? submitter : null);
      return;
    }
    if (submitter && submitter.name) {
      var field = document.createElement('input');
      field.type = 'hidden';
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(FEEDBACK_FORMS) || event.defaultPrevented) {
      return;
    }
    var section = form.closest('section.feedback');
    if (!section || !passThrough || passThrough.has(form) || !window.fetch || !window.URLSearchParams) {
      return; // a plain post
    }
    event.preventDefault();
    if (sending.has(form)) {
      return; // one answer at a time
    }
    var submitter = event.submitter || null;
    var body = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') {
        body.append(name, value);
      }
    });
    if (submitter && submitter.name) {
      body.append(submitter.name, submitter.value);
    }
    sending.add(form);
    form.setAttribute('aria-busy', 'true');
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
        'X-Requested-With': 'fetch',
        Accept: 'text/html'
      },
      body: body
    })
      .then(function (response) {
        var type = response.headers.get('content-type') || '';
        // 400 comes with the panel and its error message ("Choose a reason"), which is worth showing as it is
        if ((response.ok || response.status === 400) && type.indexOf('text/html') === 0) {
          return response.text().then(function (html) {
            replacePanel(section, html, response);
          });
        }
        throw new Error('status ' + response.status);
      })
      .catch(function () {
        sending.delete(form);
        form.removeAttribute('aria-busy');
        if (form.isConnected) {
          submitPlainly(form, submitter);
        }
      });
  });
})();
