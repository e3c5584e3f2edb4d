export const s = "same binding twice";
