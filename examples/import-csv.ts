// Import subscribers from a CSV file (email,first_name,city) with their fields and a tag.
// Usage: node examples/import-csv.ts [file.csv]   (without a file, a generated sample of 1,200 rows is used)
import { readFileSync } from 'node:fs';
import { connect } from './connect.ts';

function parseCsv(text: string): Array<Record<string, string>> {
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',').map((c) => c.trim());
  return rows.map((row) =>
    Object.fromEntries(row.split(',').map((value, i) => [columns[i] ?? `col${i}`, value.trim()])),
  );
}

const file = process.argv[2];
const csv = file
  ? readFileSync(file, 'utf8')
  : [
      'email,first_name,city',
      ...Array.from({ length: 1_200 }, (_, i) => `csv-${i}@example.com,Person ${i},Malmö`),
    ].join('\n');

const { rule, close } = await connect();
try {
  const subscribers = parseCsv(csv).map((row) => ({
    email: row.email ?? '',
    fields: { 'Profile.FirstName': row.first_name ?? '', 'Profile.City': row.city ?? '' },
  }));
  const report = await rule.subscribers.createMany(subscribers, {
    tags: ['CSV import'],
    update_on_duplicate: true,
  });
  console.log(`imported ${report.succeeded} of ${report.total} in ${report.calls.length} calls`);
  for (const call of report.calls) {
    if (!call.ok)
      console.error(`rows ${call.start}-${call.start + call.subscribers.length - 1}: ${call.error.message}`);
  }
  if (report.failed > 0) process.exitCode = 1;
} finally {
  await close();
}
