/** Stable machine-readable error codes. Messages may change; codes do not. */
export type MetricErrorCode =
  | 'INVALID_INPUT'        // not a number array, tensor or typed array; strings, null, ragged nesting
  | 'SHAPE_MISMATCH'       // y_true / y_pred shapes that Keras's rules cannot align
  | 'WEIGHT_SHAPE'         // sample_weight that cannot be broadcast to the values
  | 'NON_FINITE'           // NaN or ±Infinity where finite values are required
  | 'INVALID_CONFIG'       // a constructor option out of range or of the wrong type
  | 'UNKNOWN_IDENTIFIER'   // get('...') / deserialize with a name the registry does not know
  | 'UNKNOWN_CONFIG_KEY'   // a config key the metric does not accept
  | 'NOT_BUILT'            // result() before the first update of a lazily shaped metric
  | 'STATE_MISMATCH'       // merge or load across different classes, configs or shapes
  | 'CORRUPT_STATE'        // bytes that are not a saved metric state
  | 'WASM_UNAVAILABLE';    // the WebAssembly kernels could not be loaded

/** Every error the library throws on bad input, config or state. */
export class MetricError extends Error {
  readonly code: MetricErrorCode;
  constructor(code: MetricErrorCode, message: string) {
    super(message);
    this.name = 'MetricError';
    this.code = code;
  }
}

/** Bad values or shapes passed to updateState. */
export class InputError extends MetricError {
  constructor(code: MetricErrorCode, message: string) {
    super(code, message);
    this.name = 'InputError';
  }
}

/** Bad constructor options, identifiers or config dictionaries. */
export class ConfigError extends MetricError {
  /** For UNKNOWN_CONFIG_KEY: the rejected key and the accepted ones. */
  readonly unknownKey?: { readonly key: string; readonly known: readonly string[] };
  constructor(code: MetricErrorCode, message: string, unknownKey?: { key: string; known: readonly string[] }) {
    super(code, message);
    this.name = 'ConfigError';
    if (unknownKey) this.unknownKey = unknownKey;
  }
}

/** Saved state or merges that do not fit this metric. */
export class StateError extends MetricError {
  constructor(code: MetricErrorCode, message: string) {
    super(code, message);
    this.name = 'StateError';
  }
}
