import "./second.mjs";
export const early = "early-value";
export class Early {}
export function hoisted() { return "hoisted works before first runs"; }
