import { log } from "./log.mjs";
log("sync");
Promise.resolve().then(() => log("sync microtask"));
