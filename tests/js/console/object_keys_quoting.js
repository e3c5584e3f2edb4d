// Keys that are not identifiers are quoted; symbols print in brackets.
console.log({ "with space": 1, valid_id: 2, "1": 3, "dash-key": 4, $ok: 5 });
console.log({ [Symbol("s")]: 1, "": 2 });
