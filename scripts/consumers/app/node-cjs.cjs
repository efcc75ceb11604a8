const library = require('wasm-metrics');
const sklearn = require('wasm-metrics/sklearn');

import('./auc-case.js').then(({ computeAuc }) => {
  console.log(JSON.stringify({ ...computeAuc(library, sklearn), resolved: require.resolve('wasm-metrics'),
    resolvedSklearn: require.resolve('wasm-metrics/sklearn') }));
});
