console.log("bad runs once");
throw new TypeError("bad module");
