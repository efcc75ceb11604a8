// The IoU family's constructor options: each Keras class fixes some of the
// shared settings (BinaryIoU: two classes and a threshold; MeanIoU: every
// class is a target; OneHot*: y_true is one-hot) and serialises its own keys.
import { ConfigError } from '../errors.js';
import { checkPositiveInteger } from './thresholds.js';

export interface IoUSettings {
  readonly numClasses: number;
  readonly targetClassIds: readonly number[];
  readonly ignoreClass: number | null;
  readonly sparseYTrue: boolean;
  readonly sparseYPred: boolean;
  readonly axis: number;
  /** BinaryIoU: a prediction >= threshold is class 1, otherwise class 0. */
  readonly threshold: number | null;
}

/** What distinguishes one IoU class from another. */
export interface IoUVariant {
  readonly className: string;
  readonly defaultName: string;
  readonly optionKeys: readonly string[];
  settings(options: Record<string, unknown>): IoUSettings;
  config(settings: IoUSettings): Record<string, unknown>;
}

function targetIds(value: unknown, numClasses: number): number[] {
  const valid = Array.isArray(value) && value.length > 0 &&
    value.every((id) => typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < numClasses);
  if (!valid) {
    throw new ConfigError('INVALID_CONFIG',
      `targetClassIds must be a non-empty array of class ids in [0, ${numClasses}); received ${JSON.stringify(value)}.`);
  }
  return [...(value as number[])];
}

function ignoredClass(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ConfigError('INVALID_CONFIG', `ignoreClass must be null or an integer; received ${JSON.stringify(value)}.`);
  }
  return value;
}

function flag(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ConfigError('INVALID_CONFIG', `${name} must be true or false; received ${JSON.stringify(value)}.`);
  return value;
}

function lastAxisOnly(value: unknown): number {
  if (value === undefined || value === -1) return -1;
  throw new ConfigError('INVALID_CONFIG', `axis must be -1 (the class axis is the last one); received ${JSON.stringify(value)}.`);
}

function classCount(value: unknown): number {
  return checkPositiveInteger('numClasses', value);
}

const SHARED_KEYS = ['numClasses', 'ignoreClass', 'axis'];

export const IOU: IoUVariant = {
  className: 'IoU', defaultName: 'io_u',
  optionKeys: [...SHARED_KEYS, 'targetClassIds', 'sparseYTrue', 'sparseYPred'],
  settings(options) {
    const numClasses = classCount(options.numClasses);
    return {
      numClasses, targetClassIds: targetIds(options.targetClassIds, numClasses), ignoreClass: ignoredClass(options.ignoreClass),
      sparseYTrue: flag('sparseYTrue', options.sparseYTrue, true), sparseYPred: flag('sparseYPred', options.sparseYPred, true),
      axis: lastAxisOnly(options.axis), threshold: null,
    };
  },
  config: (s) => ({
    numClasses: s.numClasses, targetClassIds: [...s.targetClassIds], ignoreClass: s.ignoreClass,
    sparseYTrue: s.sparseYTrue, sparseYPred: s.sparseYPred, axis: s.axis,
  }),
};

export const BINARY_IOU: IoUVariant = {
  className: 'BinaryIoU', defaultName: 'binary_io_u',
  optionKeys: ['targetClassIds', 'threshold'],
  settings(options) {
    const threshold = options.threshold === undefined ? 0.5 : options.threshold;
    if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
      throw new ConfigError('INVALID_CONFIG', `threshold must be a finite number; received ${JSON.stringify(threshold)}.`);
    }
    return {
      numClasses: 2, targetClassIds: targetIds(options.targetClassIds ?? [0, 1], 2), ignoreClass: null,
      sparseYTrue: true, sparseYPred: true, axis: -1, threshold,
    };
  },
  config: (s) => ({ targetClassIds: [...s.targetClassIds], threshold: s.threshold }),
};

export const MEAN_IOU: IoUVariant = {
  className: 'MeanIoU', defaultName: 'mean_io_u',
  optionKeys: [...SHARED_KEYS, 'sparseYTrue', 'sparseYPred'],
  settings(options) {
    const numClasses = classCount(options.numClasses);
    return {
      numClasses, targetClassIds: Array.from({ length: numClasses }, (_, id) => id), ignoreClass: ignoredClass(options.ignoreClass),
      sparseYTrue: flag('sparseYTrue', options.sparseYTrue, true), sparseYPred: flag('sparseYPred', options.sparseYPred, true),
      axis: lastAxisOnly(options.axis), threshold: null,
    };
  },
  config: (s) => ({ numClasses: s.numClasses, ignoreClass: s.ignoreClass, sparseYTrue: s.sparseYTrue, sparseYPred: s.sparseYPred, axis: s.axis }),
};

export const ONE_HOT_IOU: IoUVariant = {
  className: 'OneHotIoU', defaultName: 'one_hot_io_u',
  optionKeys: [...SHARED_KEYS, 'targetClassIds', 'sparseYPred'],
  settings(options) {
    const numClasses = classCount(options.numClasses);
    return {
      numClasses, targetClassIds: targetIds(options.targetClassIds, numClasses), ignoreClass: ignoredClass(options.ignoreClass),
      sparseYTrue: false, sparseYPred: flag('sparseYPred', options.sparseYPred, false), axis: lastAxisOnly(options.axis), threshold: null,
    };
  },
  config: (s) => ({
    numClasses: s.numClasses, targetClassIds: [...s.targetClassIds], ignoreClass: s.ignoreClass, sparseYPred: s.sparseYPred, axis: s.axis,
  }),
};

export const ONE_HOT_MEAN_IOU: IoUVariant = {
  className: 'OneHotMeanIoU', defaultName: 'one_hot_mean_io_u',
  optionKeys: [...SHARED_KEYS, 'sparseYPred'],
  settings(options) {
    const numClasses = classCount(options.numClasses);
    return {
      numClasses, targetClassIds: Array.from({ length: numClasses }, (_, id) => id), ignoreClass: ignoredClass(options.ignoreClass),
      sparseYTrue: false, sparseYPred: flag('sparseYPred', options.sparseYPred, false), axis: lastAxisOnly(options.axis), threshold: null,
    };
  },
  config: (s) => ({ numClasses: s.numClasses, ignoreClass: s.ignoreClass, sparseYPred: s.sparseYPred, axis: s.axis }),
};
