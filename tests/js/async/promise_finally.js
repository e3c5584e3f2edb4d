// finally runs on both outcomes and passes the original value or reason through.
Promise.resolve("value").finally(() => console.log("finally 1")).then((v) => console.log("then", v));
Promise.reject("reason").finally(() => console.log("finally 2")).catch((r) => console.log("catch", r));
Promise.resolve(1).finally(() => { throw "replaced"; }).catch((r) => console.log("catch", r));
