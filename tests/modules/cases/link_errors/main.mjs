// Link errors reject import() with a SyntaxError naming the export and the module.
for (const spec of ["./missing-export.mjs", "./missing-reexport.mjs", "./ambiguous.mjs"]) {
  try {
    await import(spec);
    console.log("no error");
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
try {
  await import("./no-such-file.mjs");
} catch (e) {
  console.log(e.message.replaceAll(import.meta.dirname, "<dir>"));
}
