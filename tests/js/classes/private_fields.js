// Private fields are per-instance and invisible to keys and outside code.
class Account {
  #balance = 0;
  deposit(n) { this.#balance += n; return this; }
  get balance() { return this.#balance; }
  static isAccount(o) { return #balance in o; }
}
const a = new Account().deposit(10).deposit(5);
console.log(a.balance, Object.keys(a).length, Account.isAccount(a), Account.isAccount({}));
