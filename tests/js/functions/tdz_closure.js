// A closure called before its captured let is initialized throws ReferenceError.
function run() {
  const read = () => value;
  try { read(); } catch (e) { console.log(e.name); }
  let value = "ready";
  console.log(read());
}
run();
