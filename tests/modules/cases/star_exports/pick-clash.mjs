import { clash } from "./all.mjs";
