// Sucrase's CommonJS entry points, imported by path so that the transform and the parser
// share one copy of the tokenizer in the worker bundle (its ESM build has extensionless
// imports that Node cannot load). The types are the package's own.
declare module 'sucrase/dist/index.js' {
  export { transform, type Options, type TransformResult } from 'sucrase';
}
declare module 'sucrase/dist/parser/index.js' {
  export { parse, File } from 'sucrase/dist/types/parser/index';
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export { TokenType } from 'sucrase/dist/types/parser/tokenizer/types';
}
