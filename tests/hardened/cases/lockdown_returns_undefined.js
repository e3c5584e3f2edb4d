// lockdown() returns undefined and takes one parameter
console.log(typeof lockdown, lockdown.length, lockdown());
