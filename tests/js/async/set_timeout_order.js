// Timers fire by delay, then in creation order; microtasks run before any timer.
setTimeout(() => console.log("timeout 20"), 20);
setTimeout(() => console.log("timeout 5 a"), 5);
setTimeout(() => console.log("timeout 5 b"), 5);
Promise.resolve().then(() => console.log("microtask"));
console.log("sync");
