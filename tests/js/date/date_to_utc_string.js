// toUTCString (and its alias toGMTString) in RFC 7231 form, with extended years.
console.log(new Date(0).toUTCString(), new Date(1704164645006).toUTCString());
console.log(Date.prototype.toGMTString === Date.prototype.toUTCString);
console.log(new Date(Date.UTC(-5, 6, 7)).toUTCString(), new Date(8.64e15).toUTCString());
console.log(new Date(NaN).toUTCString());
