// The production entry point, at the path the container and ops expect: dist/apps/api/main.js.
// (The tsc builder keeps the source tree, so src/main.ts itself compiles one folder deeper.)
import './src/main';
