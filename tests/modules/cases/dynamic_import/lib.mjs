export const value = "lib value";
console.log("lib evaluated");
