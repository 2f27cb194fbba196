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
// Iteration, with the arities the checker expects, so `for (const i of range(a, b))` type-checks.
interface SymbolConstructor { readonly iterator: unique symbol }
interface IteratorYieldResult<TYield> { done?: false; value: TYield }
interface IteratorReturnResult<TReturn> { done: true; value: TReturn }
type IteratorResult<T, TReturn = any> = IteratorYieldResult<T> | IteratorReturnResult<TReturn>;
interface Iterator<T, TReturn = any, TNext = any> { next(...[value]: [] | [TNext]): IteratorResult<T, TReturn> }
interface Iterable<T, TReturn = any, TNext = any> { [Symbol.iterator](): Iterator<T, TReturn, TNext> }
interface IterableIterator<T, TReturn = any, TNext = any> extends Iterator<T, TReturn, TNext> { [Symbol.iterator](): IterableIterator<T, TReturn, TNext> }
interface IteratorObject<T, TReturn = unknown, TNext = unknown> extends Iterator<T, TReturn, TNext> { [Symbol.iterator](): IteratorObject<T, TReturn, TNext> }
type BuiltinIteratorReturn = intrinsic;
interface ArrayIterator<T> extends IteratorObject<T, BuiltinIteratorReturn, unknown> { [Symbol.iterator](): ArrayIterator<T> }
interface Array<T> { [Symbol.iterator](): ArrayIterator<T> }
interface ReadonlyArray<T> { [Symbol.iterator](): ArrayIterator<T> }
type Readonly<T> = { readonly [P in keyof T]: T[P] };
