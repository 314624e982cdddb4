// Typings of kalisocket.mjs: the same as kalisocket.d.ts (TypeScript looks for .d.mts beside an .mjs).
export * from './kalisocket.js';
export { default } from './kalisocket.js';
