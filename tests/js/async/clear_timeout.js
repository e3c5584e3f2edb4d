// clearTimeout cancels a pending timer; setTimeout passes extra arguments.
const t = setTimeout(() => console.log("never"), 5);
clearTimeout(t);
setTimeout((a, b) => console.log("args", a, b), 1, "x", "y");
clearTimeout(undefined);
