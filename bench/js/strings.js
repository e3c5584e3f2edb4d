// Strings: building with +=, character codes, slicing, searching, split and join.
// expect: 81623 50 89899
var s = "";
for (var i = 0; i < 6000; i++) {
  s += String.fromCharCode(97 + (i * 7) % 26);
}
var sum = 0;
for (var j = 0; j < s.length; j++) sum = (sum + s.charCodeAt(j) * (j % 13)) % 100000;
var words = [];
for (var k = 0; k < 1500; k++) words.push(s.slice(k, k + 1 + (k % 9)));
var joined = words.join(" ");
var parts = joined.split(" ");
var found = 0;
for (var p = 0; p < parts.length; p++) if (joined.indexOf(parts[p] + "a") >= 0) found++;
var upper = joined.toUpperCase().replace("A", "");
var result = sum + " " + (found % 100) + " " + (upper.length * 10 + 9);
console.log(result);
