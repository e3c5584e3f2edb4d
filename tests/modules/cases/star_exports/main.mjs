// export * skips default and drops names two stars disagree on.
import * as all from "./all.mjs";
import { one, shared, sub } from "./all.mjs";
console.log(Object.keys(all).join(","));
console.log(one, shared, Object.keys(sub).join(","));
console.log("default" in all, "clash" in all);
import("./pick-clash.mjs").then(
  () => console.log("no error"),
  (e) => console.log(e.name + ": " + e.message),
);
