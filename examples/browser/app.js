// The page: a CSV picked by the person is read and scored in this tab; the
// file never leaves the machine (no upload, no network request).
import { parse } from 'csv-parse/browser/esm/sync';
import { detectColumns, predictionChoices } from './columns.js';
import { evaluateTable } from './evaluate.js';

const fileInput = document.querySelector('#file');
const columnsForm = document.querySelector('#columns');
const labelSelect = document.querySelector('#label');
const predictionSelect = document.querySelector('#predictions');
const status = document.querySelector('#status');
const results = document.querySelector('#results');
const resultRows = results.querySelector('tbody');

let table; // { name, header, rows }

function showError(message) {
  results.hidden = true;
  results.dataset.state = 'error';
  status.className = 'error';
  status.textContent = message;
}

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

function fillPredictionChoices(choices, selectedId) {
  predictionSelect.replaceChildren(...choices.map((choice) => option(choice.id, choice.title)));
  predictionSelect.value = choices.some((choice) => choice.id === selectedId) ? selectedId : choices[0]?.id ?? '';
}

/** Four decimals for people; the full number in the <data> element's value for programs. */
function valueCell(value) {
  const cell = document.createElement('td');
  const data = document.createElement('data');
  data.value = String(value);
  data.textContent = Number.isNaN(value) ? 'n/a' : value.toFixed(4);
  cell.append(data);
  return cell;
}

function render() {
  const labelIndex = Number(labelSelect.value);
  const choice = predictionChoices(table.header, labelIndex).find((candidate) => candidate.id === predictionSelect.value);
  if (!choice) return showError('Choose the prediction columns.');
  let metrics;
  try {
    metrics = evaluateTable(table.header, table.rows, labelIndex, choice);
  } catch (error) {
    return showError(`${table.name}: ${error.message}`);
  }
  resultRows.replaceChildren(...metrics.map(({ title, metric, value }) => {
    const row = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = title;
    name.title = metric;
    row.append(name, valueCell(value));
    return row;
  }));
  status.className = '';
  status.textContent = `${table.name}: ${table.rows.length} rows, ${choice.kind} (${choice.columns.length === 1 ? 'one score column' : `${choice.columns.length} classes`}).`;
  results.hidden = false;
  results.dataset.state = 'ready';
}

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  columnsForm.hidden = true;
  results.dataset.state = 'loading';
  let records;
  try {
    records = parse(await file.text(), { bom: true, skip_empty_lines: true });
  } catch (error) {
    return showError(`${file.name}: ${error.message}`);
  }
  if (records.length === 0) return showError(`${file.name} is empty.`);
  const [header, ...rows] = records;
  table = { name: file.name, header: header.map((name) => name.trim()), rows };
  const detected = detectColumns(table.header);
  labelSelect.replaceChildren(...table.header.map((name, index) => option(String(index), name)));
  labelSelect.value = String(detected.labelIndex);
  fillPredictionChoices(detected.choices, detected.choice?.id);
  columnsForm.hidden = false;
  render();
});

labelSelect.addEventListener('change', () => {
  fillPredictionChoices(predictionChoices(table.header, Number(labelSelect.value)), predictionSelect.value);
  render();
});
predictionSelect.addEventListener('change', render);
