// A collection's saved states as multipart/form-data: one part per metric,
// named by its log name and holding its saveState() bytes. One request carries
// a client's whole state, and the Worker checks every part before merging any.
import { StateError } from 'wasm-metrics';

/** The client side: the form to POST. */
export function stateForm(collection) {
  const form = new FormData();
  for (const name of collection.names) {
    form.append(name, new Blob([collection.get(name).saveState()], { type: 'application/octet-stream' }), `${name}.state`);
  }
  return form;
}

/**
 * The Worker side: fresh metrics (from `createMetrics`) loaded with the posted
 * states. Throws a MetricError (CORRUPT_STATE, STATE_MISMATCH) for anything
 * that is not exactly one valid state per metric.
 */
export async function statesFromRequest(request, createMetrics) {
  let form;
  try {
    form = await request.formData();
  } catch {
    throw new StateError('CORRUPT_STATE', 'Expected multipart/form-data with one saved state per metric.');
  }
  const incoming = createMetrics();
  const unexpected = [...form.keys()].filter((key) => !incoming.names.includes(key));
  if (unexpected.length) {
    throw new StateError('STATE_MISMATCH', `Unexpected parts ${unexpected.map((key) => `'${key}'`).join(', ')}; expected ${incoming.names.join(', ')}.`);
  }
  for (const name of incoming.names) {
    const parts = form.getAll(name);
    if (parts.length !== 1 || typeof parts[0] === 'string') {
      throw new StateError('STATE_MISMATCH', `Expected one file part '${name}' holding its saved state; received ${parts.length} part(s).`);
    }
    incoming.get(name).loadState(new Uint8Array(await parts[0].arrayBuffer()));
  }
  return incoming;
}
