// Progressive enhancement: without scripts every page works by reloading; with them, alerts arrive live.
(function () {
  'use strict';
  var list = document.getElementById('alerts');
  if (!list || !window.EventSource) { return; }
  var csrf = document.querySelector('meta[name="_csrf"]');
  var csrfParameter = document.querySelector('meta[name="_csrf_parameter"]');
  var unread = document.getElementById('unread');
  var state = document.getElementById('live-state');

  function text(tag, className, content) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    element.textContent = content;
    return element;
  }

  // The same shape as the inbox (one component renders both), built with textContent only.
  function render(alert) {
    var item = document.createElement('li');
    item.className = 'alert unread';
    item.dataset.id = alert.id;
    var what = document.createElement('p');
    what.className = 'what';
    what.appendChild(text('strong', null, alert.kind.replace(/_/g, ' ')));
    what.appendChild(document.createTextNode(' on '));
    what.appendChild(text('span', null, alert.target.title));
    item.appendChild(what);
    item.appendChild(text('p', 'detail', alert.detail || ''));
    var when = document.createElement('p');
    when.className = 'when';
    when.appendChild(text('time', null, alert.createdAt));
    item.appendChild(when);
    var actions = document.createElement('div');
    actions.className = 'actions';
    if (alert.target.type === 'ARTICLE' || alert.target.type === 'EXERCISE') {
      var kind = alert.target.type === 'ARTICLE' ? 'article' : 'exercise';
      var open = text('a', null, 'Open the ' + kind);
      open.href = list.dataset.read.replace(/alerts\/$/, kind + 's/') + encodeURIComponent(alert.target.id);
      actions.appendChild(open);
    }
    if (csrf) {
      var form = document.createElement('form');
      form.method = 'post';
      form.action = list.dataset.read + encodeURIComponent(alert.id) + '/read';
      var token = document.createElement('input');
      token.type = 'hidden';
      token.name = csrfParameter.content;
      token.value = csrf.content;
      form.appendChild(token);
      var button = text('button', 'quiet', 'Mark read');
      button.type = 'submit';
      form.appendChild(button);
      actions.appendChild(form);
    }
    item.appendChild(actions);
    return item;
  }

  var stream = new EventSource(list.dataset.stream);
  stream.addEventListener('open', function () { state.textContent = 'Live: new alerts appear here as they arrive.'; });
  stream.addEventListener('error', function () { state.textContent = 'Reconnecting to live alerts…'; });
  stream.addEventListener('alert', function (event) {
    var alert = JSON.parse(event.data);
    if (list.querySelector('[data-id="' + CSS.escape(alert.id) + '"]')) { return; }
    list.insertBefore(render(alert), list.firstChild);
    var empty = document.getElementById('no-alerts');
    if (empty) { empty.remove(); }
    var count = parseInt(unread.textContent, 10) || 0;
    unread.textContent = (count + 1) + ' unread';
  });
}());
