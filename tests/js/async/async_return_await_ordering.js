// return await vs return of a promise: the number of ticks differs.
async function withAwait() { return await Promise.resolve("with await"); }
async function without() { return Promise.resolve("without await"); }
without().then(console.log);
withAwait().then(console.log);
