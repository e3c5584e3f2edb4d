export const b = "bee";
export var a = 1;
export function c() {}
export { a as Z, b as _x };
