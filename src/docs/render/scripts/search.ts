/**
 * The search box: MiniSearch loads the index the page shipped (window.PORTAL_SEARCH, built when the
 * portal started) and answers as the reader types, without a request. Results are written with
 * textContent: nothing from the index is read as HTML.
 */
export const SEARCH_JS = `(function () {
  var input = document.getElementById('portal-search');
  var box = document.getElementById('search-results');
  var S = window.PORTAL_SEARCH;
  if (!input || !box || !S || !window.MiniSearch) return;
  var index;
  function load() {
    if (!index) index = window.MiniSearch.loadJS(S.index, { fields: S.fields, storeFields: S.storeFields, tokenize: S.tokenize });
    return index;
  }
  function span(cls, text) { var e = document.createElement('span'); e.className = cls; e.textContent = text; return e; }
  function render(q) {
    box.innerHTML = '';
    if (!q.trim()) { box.hidden = true; return; }
    var hits = load().search(q, { prefix: true, combineWith: 'AND', boost: { title: 4 }, fuzzy: function (term) { return term.length > 4 ? 0.2 : false; } }).slice(0, 15);
    if (!hits.length) { var none = document.createElement('p'); none.className = 'none'; none.textContent = 'Nothing matches \u201c' + q + '\u201d'; box.appendChild(none); }
    hits.forEach(function (h) {
      var a = document.createElement('a');
      a.className = 'hit'; a.href = h.href; a.setAttribute('data-kind', h.kind);
      a.appendChild(span('kind', h.kind));
      var t = document.createElement('strong'); t.textContent = h.title; a.appendChild(t);
      a.appendChild(span('where', h.where));
      if (h.text) a.appendChild(span('desc', h.text));
      box.appendChild(a);
    });
    box.hidden = false;
  }
  input.addEventListener('input', function () { render(input.value); });
  input.addEventListener('focus', function () { if (input.value) render(input.value); });
  input.addEventListener('keydown', function (e) {
    var first = box.querySelector('a.hit');
    if (e.key === 'Enter' && first) { e.preventDefault(); box.hidden = true; window.location.href = first.href; }
    if (e.key === 'ArrowDown' && first) { e.preventDefault(); first.focus(); }
    if (e.key === 'Escape') { box.hidden = true; input.blur(); }
  });
  box.addEventListener('click', function (e) { if (e.target.closest && e.target.closest('a.hit')) box.hidden = true; });
  document.addEventListener('click', function (e) { if (!(e.target.closest && e.target.closest('.search'))) box.hidden = true; });
  document.addEventListener('keydown', function (e) {
    var tag = document.activeElement ? document.activeElement.tagName : '';
    if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA') { e.preventDefault(); input.focus(); }
  });
})();
`;
