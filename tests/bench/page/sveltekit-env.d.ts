// The app's modules that the benchmark page imports reach SvelteKit's `$app/env` through their
// types (web/src/lib/workspace.ts); SvelteKit declares it only inside web/.
declare module '$app/env' {
  export const version: string;
}
