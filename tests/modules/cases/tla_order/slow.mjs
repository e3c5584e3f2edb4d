import { log } from "./log.mjs";
log("slow start");
await new Promise((r) => setTimeout(r, 20));
log("slow end");
