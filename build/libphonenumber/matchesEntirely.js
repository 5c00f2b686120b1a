// Replaces libphonenumber-js/es6/helpers/matchesEntirely.js in the app's bundles (see
// build/phoneRegexpCache.ts): the same test, with one RegExp per metadata pattern instead of
// one per call. `test` without the g or y flag keeps no state, so sharing one is safe.
const compiled = new Map();

export default function matchesEntirely(text, regularExpressionText) {
  let expression = compiled.get(regularExpressionText);
  if (expression === undefined) {
    expression = new RegExp('^(?:' + regularExpressionText + ')$');
    compiled.set(regularExpressionText, expression);
  }
  return expression.test(text || '');
}
