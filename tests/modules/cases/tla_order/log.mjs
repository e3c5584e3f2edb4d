globalThis.trace = [];
export function log(s) { globalThis.trace.push(s); }
