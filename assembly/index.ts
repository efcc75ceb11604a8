// The kernel module: pure functions over linear memory, no state, no imports.
export { heapBase, ensureMemory } from "./memory";
export { countAtThresholds } from "./confusion";
export { binaryAccuracySums } from "./accuracy";
export { bucketHistogram } from "./buckets";
export { r2Sums, errorSums, varianceSums } from "./regression";
export { firstNonFinite } from "./validate";
export { gatherStrided, expandRowWeights, tileRowPattern, scaleColumns, sigmoidF32, filterTopK, countNonZeroRows } from "./reshape";
export { elementLossSums, rowLosses, weightedValueSums, zeroWeightsWhere, hingeSums } from "./losses";
export { classTargetHits, sortedIdHits, firstInvalidClassId } from "./classes";
export { elementEqualitySums } from "./equality";
export { fbetaClassCounts, confusionMatrixCounts } from "./multiclass";
export { floatLabelIds, scanLabelIds, mapLabelIds, indicatorCounts } from "./labels";
export { probabilityRowLosses, topKHits } from "./probabilities";
export { rankKeyRange } from "./rankkeys";
export { rankWorkspaceBytes, rankSort } from "./ranksort";
export { countScoreGroups, writeScoreGroups } from "./ranksweep";
