// Which columns hold the labels and the predictions, guessed from the header:
// a 'label' column, then either a 'score' column (binary: the probability of
// class 1) or a run of class-probability columns p0, p1, ... (multiclass).

const LABEL_NAMES = ['label', 'labels', 'y_true', 'target', 'y', 'class'];
const SCORE_NAMES = ['score', 'scores', 'y_pred', 'prediction', 'probability', 'prob', 'p'];

/**
 * Runs of columns named <prefix>0, <prefix>1, ... <prefix>{K-1} (K >= 2), in
 * that order: one probability per class.
 */
export function classColumnGroups(header) {
  const groups = [];
  header.forEach((name, start) => {
    const match = /^(.*?)0$/.exec(name);
    if (!match) return;
    const prefix = match[1];
    let classes = 1;
    while (header[start + classes] === `${prefix}${classes}`) classes++;
    if (classes >= 2) groups.push({ prefix, start, classes, title: `${header[start]} … ${header[start + classes - 1]}` });
  });
  return groups;
}

/** The prediction choices for a label column: single score columns (binary) and class-probability runs (multiclass). */
export function predictionChoices(header, labelIndex) {
  const choices = classColumnGroups(header)
    .filter((group) => labelIndex < group.start || labelIndex >= group.start + group.classes)
    .map((group) => ({
      id: `classes:${group.start}`, kind: 'multiclass', columns: Array.from({ length: group.classes }, (_, j) => group.start + j),
      title: `${group.title} (${group.classes} class probabilities)`,
    }));
  header.forEach((name, index) => {
    if (index !== labelIndex) choices.push({ id: `score:${index}`, kind: 'binary', columns: [index], title: `${name} (probability of class 1)` });
  });
  return choices;
}

function findNamed(header, names) {
  const lower = header.map((name) => name.toLowerCase());
  for (const name of names) {
    const index = lower.indexOf(name);
    if (index >= 0) return index;
  }
  return -1;
}

/** The label column and the prediction choice a header suggests. */
export function detectColumns(header) {
  const labelAt = findNamed(header, LABEL_NAMES);
  const labelIndex = labelAt >= 0 ? labelAt : 0;
  const choices = predictionChoices(header, labelIndex);
  const scoreAt = findNamed(header, SCORE_NAMES);
  const named = choices.find((choice) => choice.kind === 'binary' && choice.columns[0] === scoreAt);
  const multiclass = choices.find((choice) => choice.kind === 'multiclass');
  return { labelIndex, choices, choice: named ?? multiclass ?? choices[0] };
}
