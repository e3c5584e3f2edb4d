import { nothing } from "./lib.mjs";
