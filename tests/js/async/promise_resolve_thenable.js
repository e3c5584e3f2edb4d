// Resolving with a thenable adopts its state one extra job later.
const thenable = { then(res) { console.log("then called"); res("from thenable"); } };
Promise.resolve(thenable).then((v) => console.log(v));
Promise.resolve().then(() => console.log("plain tick 1")).then(() => console.log("plain tick 2"));
console.log("sync end");
