// Jobs queued inside a then callback run after already-queued jobs.
Promise.resolve().then(() => {
  console.log("A");
  Promise.resolve().then(() => console.log("C (queued by A)"));
});
Promise.resolve().then(() => console.log("B"));
Promise.resolve().then(() => console.log("D (queued last by the script)"));
