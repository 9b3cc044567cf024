/**
 * The interactive reference: Swagger UI over this API's contract. In the sandbox, "Try it out"
 * starts filled in: each parameter's example is the value the page rendered for it (the
 * #try-it-values block: the X-Invoker profile's headers, path and query values, a fresh TxId and
 * Idempotency-Key), and the demo client is authorized with a token fetched from this gateway.
 */
export const REFERENCE_JS = `(function () {
  var ref = document.getElementById('reference');
  if (!ref || !window.SwaggerUIBundle) return;
  var data = {};
  try { data = JSON.parse(document.getElementById('try-it-values').textContent); } catch (x) {}
  var values = data.operations || {};
  var demo = ref.getAttribute('data-try') === 'true' ? data.demo : null;
  var token = demo
    ? fetch('/oauth/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=' + encodeURIComponent(demo.clientId) + '&client_secret=' + encodeURIComponent(demo.clientSecret)
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (t) { return t && t.access_token; }, function () { return null; })
    : Promise.resolve(null);
  var spec = fetch(ref.getAttribute('data-spec')).then(function (r) { return r.json(); });
  Promise.all([spec, token]).then(function (got) {
    var doc = got[0], accessToken = got[1];
    Object.keys(doc.paths || {}).forEach(function (path) {
      Object.keys(doc.paths[path]).forEach(function (method) {
        var op = doc.paths[path][method];
        var mine = op && op.operationId && values[op.operationId];
        if (!mine || !Array.isArray(op.parameters)) return;
        op.parameters.forEach(function (p) {
          var v = mine[p.in + ':' + p.name];
          if (v === '{{sessionKey}}') v = accessToken ? accessToken.slice(0, 30) : undefined;
          if (v !== undefined) p.example = v;
        });
      });
    });
    window.ui = window.SwaggerUIBundle({
      spec: doc,
      dom_id: '#reference',
      deepLinking: false,
      displayOperationId: true,
      defaultModelsExpandDepth: 0,
      docExpansion: 'list',
      validatorUrl: null,
      tryItOutEnabled: false,
      supportedSubmitMethods: ref.getAttribute('data-try') === 'true' ? ['get', 'post', 'put', 'patch', 'delete'] : [],
      onComplete: function () {
        if (accessToken) {
          window.ui.preauthorizeApiKey('clientId', demo.clientId);
          window.ui.preauthorizeApiKey('clientSecret', demo.clientSecret);
          window.ui.preauthorizeApiKey('bearerAuth', accessToken);
        }
        ref.setAttribute('data-rendered', 'true');
      }
    });
  });
})();
`;
