// JSON.parse throws SyntaxError on malformed input.
try { JSON.parse("{bad json}"); } catch (e) { console.log(e.name, e instanceof SyntaxError); }
console.log(JSON.parse('{"ok":[1,2]}').ok.length);
