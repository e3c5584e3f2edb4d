// Promise.race settles with the first; Promise.any with the first fulfillment.
const delay = (v, ms, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(v) : res(v)), ms));
Promise.race([delay("slow", 300), delay("fast", 5)]).then((v) => console.log("race", v));
Promise.any([delay("err", 5, true), delay("ok", 150)]).then((v) => console.log("any", v));
Promise.any([Promise.reject(1), Promise.reject(2)]).catch((e) => console.log(e instanceof AggregateError, e.errors.join()));
