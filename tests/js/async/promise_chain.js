// then returns a new promise resolved with the callback's return value.
Promise.resolve(1)
  .then((v) => v + 1)
  .then((v) => { console.log("got", v); return Promise.resolve(v * 10); })
  .then((v) => console.log("unwrapped", v))
  .then((v) => console.log("no return gives", v));
