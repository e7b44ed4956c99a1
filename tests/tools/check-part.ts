// Checks one glossary part file: schema, unique ids, and that passages occur in the source document.
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describeIssues, EntrySchema } from '../../glossary/schema.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: check-part.ts FILE');
const data = JSON.parse(readFileSync(file, 'utf8'));
const seed = readFileSync(new URL('../../../shared/seed/000_6bff10e051cd5ab3.txt', import.meta.url), 'utf8');
const result = v.safeParse(v.array(EntrySchema), data);
const problems = result.success ? [] : describeIssues(data, result.issues);
for (const e of data) {
  for (const p of e.documentPassages ?? [])
    if (!seed.includes(p)) problems.push(`${e.id}: passage not in document: ${p}`);
  if (e.inDocument === 'named' && (e.documentPassages ?? []).length === 0)
    problems.push(`${e.id}: named but no passage`);
}
console.log(problems.length ? problems.join('\n') : 'OK');
