const library = require('wasm-metrics');

import('./auc-case.js').then(({ computeAuc }) => {
  console.log(JSON.stringify({ ...computeAuc(library), resolved: require.resolve('wasm-metrics') }));
});
