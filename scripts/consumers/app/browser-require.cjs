// Entry of the esbuild bundle that reaches the package through require();
// CommonJS cannot wait at the top level, so it waits for ready().
const library = require('wasm-metrics');
const sklearn = require('wasm-metrics/sklearn');
const { computeAuc } = require('./auc-case.js');

library.ready().then(() => {
  window.consumerResult = computeAuc(library, sklearn);
}).catch((error) => {
  window.consumerResult = { error: String(error) };
});
