// Runs one benchmark module (argv[2]) in this fresh process and sends its rows to the parent (run-bench.mjs).
const { default: benchmark } = await import(process.argv[2]);
const rows = await benchmark();
process.send({ rows }, () => process.exit(0));
