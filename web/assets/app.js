// newshound's page script. The page works without it; with it the page gets:
//  - autocomplete for the search box (from /api/suggest),
//  - dates in the reader's locale and time zone, with relative time ("3 days ago"),
//  - in-place updates: searches, facets, chips and pages load without a full page load, the URL and the
//    back button keep working (the server renders the HTML either way),
//  - keyboard navigation: "/" focuses the box, j/k move between results, Enter opens the current one,
//  - brushing on the date histogram: drag across bars to set a date range.
(function () {
  'use strict';

  // ---- dates -------------------------------------------------------------------------------------
  var dateFormat = window.Intl ? new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : null;
  var relativeFormat = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(undefined, { numeric: 'always' }) : null;
  var UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

  function relative(then, now) {
    var seconds = (then - now) / 1000;
    for (var i = 0; i < UNITS.length; i++) {
      if (Math.abs(seconds) >= UNITS[i][1] || UNITS[i][0] === 'minute')
        return relativeFormat.format(Math.round(seconds / UNITS[i][1]), UNITS[i][0]);
    }
    return '';
  }

  function localizeDates(root) {
    if (!dateFormat) return;
    var now = Date.now();
    root.querySelectorAll('time[datetime]').forEach(function (t) {
      if (t.dataset.localized) return;
      var when = new Date(t.getAttribute('datetime'));
      if (isNaN(when)) return;
      t.title = t.textContent;  // the time as the source printed it
      t.textContent = dateFormat.format(when);
      t.dataset.localized = '1';
      if (relativeFormat && t.dataset.relative !== 'off') {
        var r = document.createElement('span');
        r.className = 'relative';
        r.textContent = relative(when.getTime(), now);
        t.after(r);
      }
    });
  }

  // ---- autocomplete ------------------------------------------------------------------------------
  function wireSuggestions() {
    var box = document.getElementById('q'), list = document.getElementById('suggestions');
    if (!box || !list || !window.fetch || box.dataset.wired) return;
    box.dataset.wired = '1';
    var timer = null, latest = '';
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = box.value;
        latest = typed;
        if (!typed.trim()) { list.textContent = ''; return; }
        fetch('/api/suggest?q=' + encodeURIComponent(typed))
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (j) {
            if (!j || typed !== latest) return;  // a stale answer for older text
            list.textContent = '';
            j.suggestions.forEach(function (s) {
              var o = document.createElement('option');
              o.value = s.query;
              o.label = s.kind + ', ' + s.articles + (s.articles === 1 ? ' article' : ' articles');
              list.appendChild(o);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  // ---- in-place updates --------------------------------------------------------------------------
  var loading = null;

  function isSearchUrl(url) {
    return url.origin === location.origin && url.pathname === '/';
  }

  // Fetches a search page and swaps its form, results and facets into this one.
  function load(href, push) {
    var results = document.getElementById('results');
    if (loading) loading.abort();
    var controller = window.AbortController ? new AbortController() : null;
    loading = controller;
    if (results) results.setAttribute('aria-busy', 'true');
    return fetch(href, { headers: { Accept: 'text/html' }, signal: controller ? controller.signal : undefined })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var nextLayout = next.querySelector('.layout'), nextForm = next.querySelector('form.search');
        var layout = document.querySelector('.layout'), form = document.querySelector('form.search');
        if (!nextLayout || !layout || !nextForm || !form) { location.href = href; return; }
        var focusWasInBox = document.activeElement && document.activeElement.id === 'q';
        form.replaceWith(document.adoptNode(nextForm));
        layout.replaceWith(document.adoptNode(nextLayout));
        document.title = next.title;
        if (push) history.pushState({ newshound: 1 }, '', href);
        enhance(document);
        var box = document.getElementById('q');
        if (focusWasInBox && box) box.focus();
        else {
          var summary = document.querySelector('#results .summary, #results .error, #results .empty');
          if (summary) { summary.setAttribute('tabindex', '-1'); summary.focus({ preventScroll: true }); }
        }
        if (push) window.scrollTo(0, 0);
      })
      .catch(function (e) {
        if (e && e.name === 'AbortError') return;
        location.href = href;  // fall back to a normal page load
      })
      .finally(function () {
        if (loading === controller) loading = null;
        var r = document.getElementById('results');
        if (r) r.removeAttribute('aria-busy');
      });
  }

  function onClick(e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var a = e.target.closest && e.target.closest('a[href]');
    if (!a || a.getAttribute('target') || !a.closest('.layout')) return;
    // getAttribute: an SVG link's href property is an object, not a string.
    var url = new URL(a.getAttribute('href'), location.href);
    if (!isSearchUrl(url)) return;
    e.preventDefault();
    load(url.href, true);
  }

  function onSubmit(e) {
    var form = e.target;
    if (!form.matches || !form.matches('form.search')) return;
    e.preventDefault();
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value === '' || (name === 'sort' && value === 'relevance')) return;
      params.append(name, value);
    });
    var query = params.toString();
    load('/' + (query ? '?' + query : ''), true);
  }

  // ---- keyboard ----------------------------------------------------------------------------------
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function moveCurrent(step) {
    var links = Array.prototype.slice.call(document.querySelectorAll('#results .hit h3 a'));
    if (!links.length) return;
    var at = links.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
    links[next].closest('.hit').scrollIntoView({ block: 'nearest' });
  }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape' && document.activeElement && document.activeElement.id === 'q') {
      document.activeElement.blur();
      return;
    }
    if (typing(document.activeElement)) return;
    if (e.key === '/') {
      var box = document.getElementById('q');
      if (box) { e.preventDefault(); box.focus(); box.select(); }
    } else if (e.key === 'j') {
      moveCurrent(1);
    } else if (e.key === 'k') {
      moveCurrent(-1);
    }
    // Enter on the focused headline link opens it: the browser's own behaviour.
  }

  function onFocusIn(e) {
    document.querySelectorAll('#results .hit.current').forEach(function (h) { h.classList.remove('current'); });
    var hit = e.target.closest && e.target.closest('#results .hit');
    if (hit) hit.classList.add('current');
  }

  // ---- date histogram brushing -------------------------------------------------------------------
  function wireHistogram(root) {
    var svg = root.querySelector('.histogram svg');
    if (!svg || svg.dataset.wired) return;
    svg.dataset.wired = '1';
    var bars = Array.prototype.slice.call(svg.querySelectorAll('a[data-from]'));
    var start = null, end = null, dragged = false;

    function barAt(e) {
      var el = document.elementFromPoint(e.clientX, e.clientY);
      var a = el && el.closest && el.closest('a[data-from]');
      if (a) return bars.indexOf(a);
      // Between bars: the nearest by x.
      var best = -1, bestDistance = Infinity;
      bars.forEach(function (b, i) {
        var box = b.getBoundingClientRect(), mid = box.left + box.width / 2, d = Math.abs(mid - e.clientX);
        if (d < bestDistance) { bestDistance = d; best = i; }
      });
      return best;
    }
    function paint() {
      var lo = Math.min(start, end), hi = Math.max(start, end);
      bars.forEach(function (b, i) {
        b.querySelector('rect').classList.toggle('brushed', start !== null && i >= lo && i <= hi);
      });
    }
    svg.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) return;
      start = end = barAt(e);
      dragged = false;
      if (start < 0) { start = end = null; return; }
      paint();
    });
    svg.addEventListener('pointermove', function (e) {
      if (start === null) return;
      var i = barAt(e);
      if (i >= 0 && i !== end) {
        end = i;
        // Capture only once this is a drag: a captured plain click would not reach the bar's link.
        if (!dragged && svg.setPointerCapture) svg.setPointerCapture(e.pointerId);
        dragged = true;
        paint();
      }
    });
    svg.addEventListener('pointerup', function () {
      if (start === null) return;
      var lo = Math.min(start, end), hi = Math.max(start, end);
      start = end = null;
      if (!dragged || lo === hi) { paint(); return; }  // a plain click: the bar's own link
      var url = new URL(location.href);
      url.searchParams.set('from', bars[lo].dataset.from);
      url.searchParams.set('to', bars[hi].dataset.to);
      url.searchParams.delete('page');
      load(url.href, true);
    });
    svg.addEventListener('pointercancel', function () { start = end = null; paint(); });
    // After a drag the pointer is released over some bar: that click must not follow its link.
    svg.addEventListener('click', function (e) {
      if (dragged) { e.preventDefault(); e.stopPropagation(); dragged = false; }
    }, true);
  }

  function enhance(root) {
    localizeDates(root);
    wireSuggestions();
    wireHistogram(root);
  }

  document.addEventListener('DOMContentLoaded', function () {
    enhance(document);
    if (window.fetch && window.history && history.pushState) {
      document.addEventListener('click', onClick);
      document.addEventListener('submit', onSubmit);
      window.addEventListener('popstate', function () {
        if (location.pathname === '/') load(location.href, false);
      });
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
  });
})();
