// Top-level await: siblings start in order, a parent waits for its async children.
import { log } from "./log.mjs";
import "./slow.mjs";
import "./sync.mjs";
import "./fast.mjs";
log("main");
await null;
log("main after await");
setTimeout(() => console.log(globalThis.trace.join(" ")), 50);
