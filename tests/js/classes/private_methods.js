// Private methods, getters and static private members.
class Temp {
  #c = 20;
  static #instances = 0;
  constructor() { Temp.#instances++; }
  #toF() { return this.#c * 9 / 5 + 32; }
  get #label() { return `${this.#toF()}F`; }
  show() { return this.#label; }
  static count() { return Temp.#instances; }
}
new Temp();
console.log(new Temp().show(), Temp.count());
