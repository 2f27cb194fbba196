// Minimal global types the TypeScript checker needs when no default lib is loaded.
interface Array<T> { readonly length: number; [n: number]: T }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T }
interface Boolean {}
interface Function {}
interface CallableFunction extends Function {}
interface NewableFunction extends Function {}
interface IArguments {}
interface Number {}
interface Object {}
interface RegExp {}
interface String { readonly length: number }
interface Symbol {}
interface SymbolConstructor { readonly metadata: unique symbol }
declare var Symbol: SymbolConstructor;
type PropertyKey = string | number | symbol;
type DecoratorMetadataObject = Record<PropertyKey, unknown> & object;
type DecoratorMetadata = DecoratorMetadataObject;
type Record<K extends keyof any, T> = { [P in K]: T };
interface ClassMethodDecoratorContext<This = unknown, Value extends (this: This, ...args: any) => any = (this: This, ...args: any) => any> {
  readonly kind: "method";
  readonly name: string | symbol;
  readonly static: boolean;
  readonly private: boolean;
  readonly metadata: DecoratorMetadata;
}
interface Promise<T> {}
interface PromiseLike<T> {}
