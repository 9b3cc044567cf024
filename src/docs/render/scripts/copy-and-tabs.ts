/** The portal's copy buttons and language tabs (plain ES5: no build step, every browser). */
export const COPY_AND_TABS_JS = `
(function () {
  document.addEventListener('click', function (e) {
    var b = e.target;
    if (!b || !b.classList || !b.classList.contains('copy')) return;
    var text = b.parentNode.querySelector('pre').innerText;
    var done = function () { b.textContent = 'Copied'; setTimeout(function () { b.textContent = 'Copy'; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, done);
    else { var t = document.createElement('textarea'); t.value = text; document.body.appendChild(t); t.select(); try { document.execCommand('copy'); } catch (x) {} document.body.removeChild(t); done(); }
  });
  // language tabs: the language picked shows in every example of the page, and is remembered
  var LANG_KEY = 'portal-lang';
  function showLang(lang) {
    document.querySelectorAll('.example-tabs').forEach(function (box) {
      box.querySelectorAll('.tab').forEach(function (t) { t.setAttribute('aria-selected', String(t.getAttribute('data-lang') === lang)); });
      box.querySelectorAll('.code[data-lang]').forEach(function (c) { c.hidden = c.getAttribute('data-lang') !== lang; });
    });
  }
  document.addEventListener('click', function (e) {
    var tab = e.target && e.target.closest ? e.target.closest('.example-tabs .tab') : null;
    if (!tab) return;
    // the examples above change height: keep the clicked tab where the reader's eye is
    var before = tab.getBoundingClientRect().top;
    showLang(tab.getAttribute('data-lang'));
    window.scrollBy(0, tab.getBoundingClientRect().top - before);
    try { localStorage.setItem(LANG_KEY, tab.getAttribute('data-lang')); } catch (x) {}
  });
  try { var saved = localStorage.getItem(LANG_KEY); if (saved) showLang(saved); } catch (x) {}
})();
`;
