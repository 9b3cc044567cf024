/** The interactive reference: Swagger UI over this API's contract. */
export const REFERENCE_JS = `(function () {
  var ref = document.getElementById('reference');
  if (ref && window.SwaggerUIBundle) {
    window.ui = window.SwaggerUIBundle({
      url: ref.getAttribute('data-spec'),
      dom_id: '#reference',
      deepLinking: false,
      displayOperationId: true,
      defaultModelsExpandDepth: 0,
      docExpansion: 'list',
      validatorUrl: null,
      tryItOutEnabled: false,
      supportedSubmitMethods: ref.getAttribute('data-try') === 'true' ? ['get', 'post', 'put', 'patch', 'delete'] : [],
      onComplete: function () { ref.setAttribute('data-rendered', 'true'); }
    });
  }
})();
`;
