// split with captures and limits; match, matchAll and search with global and unicode flags.
console.log("one, two;three  four".split(/[,;\s]+/));
console.log("2024-05-06".split(/(-)/, 3), "abc".split(/(?:)/), "a😀b".split(/(?:)/u));
console.log("The rain in SPAIN".match(/ain/gi), "no".match(/x/g), "abc".search(/c/));
for (const m of "k1=v1;k2=v2".matchAll(/(\w+)=(\w+)/g)) console.log(m.index, m[1], m[2]);
console.log("😀😁".match(/./gu).length, "😀😁".match(/./g).length, /^\p{Emoji}+$/u.test("😀😁"));
