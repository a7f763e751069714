// Import and export live in dist/interop.js (their parsers and formats are a fifth of the extension), required
// the first time one of their commands runs. The build marks './interop.js' external, as './git.js'.
type InteropModule = typeof import('./index');
let interopModule: InteropModule | undefined;

export function loadInterop(): InteropModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  interopModule ??= require('./interop.js') as InteropModule;
  return interopModule;
}
