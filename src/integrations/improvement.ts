// Keras's comparison for monitored values (callbacks/monitor_callback.py
// _is_improvement), except that NaN never counts as an improvement: Keras
// accepts a NaN first value as best, after which nothing can beat it.

export type Mode = 'min' | 'max';

/** True when `value` beats `reference` by more than `minDelta` (≥ 0) in `mode`'s direction. */
export function isImprovement(value: number, reference: number | undefined, mode: Mode, minDelta = 0): boolean {
  if (Number.isNaN(value)) return false;
  if (reference === undefined || Number.isNaN(reference)) return true;
  return mode === 'max' ? value - minDelta > reference : value + minDelta < reference;
}

/** The mode for a metric direction; undefined when the metric has none. */
export function modeOf(direction: 'up' | 'down' | undefined): Mode | undefined {
  if (direction === 'up') return 'max';
  if (direction === 'down') return 'min';
  return undefined;
}
