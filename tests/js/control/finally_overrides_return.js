// A return in finally overrides the try's return and a thrown exception.
function a() { try { return 1; } finally { return 2; } }
function b() { try { throw new Error("lost"); } finally { return "finally wins"; } }
function c() { let x = 1; try { return x; } finally { x = 5; } }
console.log(a(), b(), c());
