// Arrow functions in fields capture the instance as this.
class Button {
  label = "ok";
  onClick = () => this.label;
}
const { onClick } = new Button();
console.log(onClick());
