// then with non-function arguments passes values and reasons through.
Promise.resolve("pass").then(null).then(undefined, 5).then((v) => console.log(v));
Promise.reject("err").then(() => {}).then(null, (r) => console.log("reason", r));
