import { defineConfig } from 'vitest/config';

// One Vitest run covers every package: each is a project with its own environment.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sync-server',
          root: './sync-server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      './web',
      {
        // The benchmark harness's own statistics (the benchmarks themselves run with `pnpm bench`).
        test: {
          name: 'bench',
          root: './tests',
          include: ['bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // What the README promises: the commands it names exist (tests/docs/*.test.ts).
        test: {
          name: 'docs',
          root: './tests',
          include: ['docs/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // A real server process and simulated devices under faults (tests/fault/*.test.ts).
        test: {
          name: 'fault',
          root: './tests',
          include: ['fault/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
