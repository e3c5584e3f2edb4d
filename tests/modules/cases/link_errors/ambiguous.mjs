import { twice } from "./stars.mjs";
