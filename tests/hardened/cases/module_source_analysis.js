// a ModuleSource lists its imports, exports and re-exports
const ms = new ModuleSource('import a from "./a.js"; import { b } from "b"; export * from "./c.js"; export const x = 1; export { b as y }; export default a;');
console.log(JSON.stringify(ms.imports), JSON.stringify([...ms.exports].sort()), JSON.stringify(ms.reexports));
console.log(ms instanceof ModuleSource, Object.isFrozen(ModuleSource.prototype) || true);
