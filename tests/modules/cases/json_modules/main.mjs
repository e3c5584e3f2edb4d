// JSON modules through import attributes: one default export, one object.
import data from "./data.json" with { type: "json" };
import * as ns from "./data.json" with { type: "json" };
console.log(data.name, data.list.length, data.nested.ok);
console.log(Object.keys(ns).join(","), ns.default === data);
const again = await import("./data.json", { with: { type: "json" } });
console.log(again.default === data);
console.log(await import("./data.json").then(() => "loaded", (e) => e.name));
console.log(await import("./bad.json", { with: { type: "json" } }).then(() => "loaded", (e) => e.name));
