// then callbacks run as microtasks after the current script, in registration order.
console.log("sync 1");
Promise.resolve().then(() => console.log("micro 1"));
Promise.resolve().then(() => console.log("micro 2"));
console.log("sync 2");
