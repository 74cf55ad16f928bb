// Shared page behaviour. No inline scripts anywhere: the Content-Security-Policy allows only script files from this origin.
(function () {
  'use strict';

  // htmx requests change nothing without the session's CSRF token, sent as the header Spring Security expects.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && event.detail.verb !== 'get') {
      event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });

  // Lists keep their filters in the URL (hx-push-url): leave out the empty ones so the address stays readable.
  document.addEventListener('htmx:configRequest', function (event) {
    var data = event.detail.formData;
    if (event.detail.verb !== 'get' || !data) {
      return;
    }
    var empty = [];
    data.forEach(function (value, key) {
      if (value === '') {
        empty.push(key);
      }
    });
    empty.forEach(function (key) {
      data.delete(key);
    });
  });

  // A session that timed out answers an htmx request with the login page: go there instead of pasting it into the list.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var url = event.detail.xhr.responseURL || '';
    if (/^\/(login|account\/)/.test(new URL(url, window.location.href).pathname)) {
      event.detail.shouldSwap = false;
      window.location.href = url;
    }
  });

  // A failed htmx request says so instead of doing nothing.
  document.addEventListener('htmx:responseError', function (event) {
    showProblem('请求未成功（' + event.detail.xhr.status + '），请刷新页面后重试');
  });
  document.addEventListener('htmx:sendError', function () {
    showProblem('无法连接服务器，请检查网络后重试');
  });

  function showProblem(text) {
    var box = document.getElementById('htmx-problem');
    if (!box) {
      box = document.createElement('div');
      box.id = 'htmx-problem';
      box.className = 'alert alert-danger shadow position-fixed bottom-0 end-0 m-4';
      box.setAttribute('role', 'alert');
      box.style.zIndex = '1080';
      document.body.appendChild(box);
    }
    box.textContent = text;
  }

  // Buttons that ask before they act: <button data-confirm="确定…？">
  document.addEventListener('click', function (event) {
    var el = event.target.closest('[data-confirm]');
    if (el && !window.confirm(el.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  // Rows that open a page when clicked anywhere: <tr data-href="/projects/…">
  document.addEventListener('click', function (event) {
    var row = event.target.closest('tr[data-href]');
    if (!row || event.target.closest('a, button, input, select, label')) {
      return;
    }
    window.location.href = row.getAttribute('data-href');
  });

  // A file picker styled in Chinese shows the chosen file's name: <input type="file" data-name-target="#…">
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-name-target]')) {
      return;
    }
    var target = document.querySelector(input.getAttribute('data-name-target'));
    if (target) {
      target.textContent = input.files.length ? input.files[0].name : '未选择文件';
      target.classList.toggle('text-muted', !input.files.length);
    }
  });
})();
