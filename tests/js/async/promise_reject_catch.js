// Rejections skip then callbacks until a catch; catch can recover.
Promise.reject(new Error("bad"))
  .then(() => console.log("skipped"))
  .catch((e) => { console.log("caught", e.message); return "recovered"; })
  .then((v) => console.log(v));
new Promise(() => { throw new TypeError("in executor"); })
  .catch((e) => console.log(e.name, e.message));
