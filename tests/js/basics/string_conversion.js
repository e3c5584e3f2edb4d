// ToString of every primitive and of arrays/objects.
console.log(String(null), String(undefined), String(true), String(123), String(-1.5));
console.log(String([1, [2, 3]]), String({}), String([null, undefined]), String(Symbol("s")));
console.log(`${[1, 2]}`, `${{ toString() { return "T"; } }}`, String(function f() {}).length > 0);
console.log((123.456).toString(), (255).toString(16), (255).toString(2), (-255).toString(36));
