/**
 * A quick figure for patient search at scale (the formal benchmark is `pnpm bench`): builds the
 * device's search index over N synthetic patients (the demo clinic's generator) and times what
 * a receptionist's keystrokes cost. Node, one core; a tablet's browser is slower by a factor.
 *
 *   node scripts/measure-search-index.ts [count]
 */
import { performance } from 'node:perf_hooks';
import { PatientSearchIndex } from '../shared/src/patients/patient-search-index.ts';
import type { SearchablePatient } from '../shared/src/patients/search-patients.ts';
import { generateDemoPatients } from '../sync-server/src/demo/demo-patients.ts';

const count = Number(process.argv[2] ?? 100_000);
const patients = generateDemoPatients(count, new Date('2026-11-26T12:00:00Z')).map(
  (doc, i): SearchablePatient => ({
    id: String(doc.id),
    givenName: String(doc.givenName),
    familyName: String(doc.familyName),
    ...(doc.middleName ? { middleName: String(doc.middleName) } : {}),
    dateOfBirth: String(doc.dateOfBirth),
    ...(doc.phone ? { phone: String(doc.phone) } : {}),
    chartNumber: `${100_000 + i}-${i % 10}`,
  }),
);

const built = performance.now();
const index = new PatientSearchIndex();
index.reset(patients);
index.search('');
const buildMs = performance.now() - built;

const incremental = performance.now();
for (const patient of patients.slice(0, 1000)) index.put({ ...patient, familyName: 'Renamed' });
const putMs = (performance.now() - incremental) / 1000;

const sample = patients[4242]!;
const typed = (text: string) => [...text].map((_, i) => text.slice(0, i + 1));
const sessions = {
  'family then given name': typed(`${sample.familyName} ${sample.givenName}`.toLowerCase()),
  'misspelt, other order': typed(`${sample.givenName.slice(0, -1)}x ${sample.familyName}`),
  'date of birth': typed(sample.dateOfBirth),
  'phone digits': typed(sample.phone?.slice(-7) ?? '5550123'),
  'chart number': typed(sample.chartNumber!),
};

console.log(`patients: ${count}; build ${buildMs.toFixed(0)} ms; one edit ${putMs.toFixed(3)} ms`);
for (const [name, keystrokes] of Object.entries(sessions)) {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    // A fresh word cache each round: every keystroke is timed as the first time it is typed.
    const fresh = new PatientSearchIndex();
    fresh.reset(patients);
    fresh.search('');
    for (const text of keystrokes) {
      const start = performance.now();
      fresh.search(text);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  console.log(
    `${name.padEnd(24)} keystrokes ${String(times.length).padStart(3)}  median ${at(0.5).toFixed(2)} ms  p95 ${at(0.95).toFixed(2)} ms  max ${at(1).toFixed(2)} ms`,
  );
}
