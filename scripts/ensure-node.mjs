// Fails fast when a script runs on a Node older than the pinned 24: without this guard a missing
// build-script allow-list makes every command fall back silently to the system Node (20 here),
// where node:sqlite and type stripping do not exist.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `ClinicDesk needs Node 24 (pinned in package.json), but this is Node ${process.versions.node}.\n` +
      'Run commands through pnpm (pnpm run …, pnpm exec …) so the pinned Node is used.',
  );
  process.exit(1);
}
