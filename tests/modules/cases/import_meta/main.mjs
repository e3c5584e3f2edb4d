// import.meta: one object per module, no prototype, the module's URL and paths.
import { meta as otherMeta } from "./sub/other.mjs";
console.log(Object.getPrototypeOf(import.meta), import.meta === import.meta);
console.log(import.meta.url.startsWith("file:///"), import.meta.url.endsWith("/import_meta/main.mjs"));
console.log(otherMeta.url.endsWith("/import_meta/sub/other.mjs"), otherMeta !== import.meta);
console.log(import.meta.filename.endsWith("main.mjs"), import.meta.dirname.endsWith("import_meta"));
console.log(import.meta.resolve("./sub/other.mjs") === otherMeta.url);
console.log(typeof import.meta.resolve);
