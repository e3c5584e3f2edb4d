import { log } from "./log.mjs";
import "./sync.mjs";
log("fast start");
await 0;
log("fast end");
