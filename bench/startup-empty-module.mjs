// Imported by startup-probe.mjs 'empty': the cost of an import() that loads next to nothing.
export const loaded = true;
