// Times SVGO's optimize() (default preset) on each file named on the command line, inside one Node process, so
// Node's start-up is not counted: the first call per file (cold: the process has just loaded svgo), then the median of
// the calls after warm-up (at least the given number of calls and seconds of the process's CPU time, as on the Java
// side), by the wall clock and by the process's CPU time (which a busy machine changes much less).
// Writes each result into the given output folder and prints one JSON line per file.
import { optimize } from 'svgo';
import fs from 'node:fs';
import path from 'node:path';

const [outDir, warmups, warmupSeconds, runs, ...files] = process.argv.slice(2);
fs.mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const svg = fs.readFileSync(file, 'utf8');
  const time = () => {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const result = optimize(svg, { path: file });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    return [wall, (used.user + used.system) / 1e3, result.data];
  };
  const [coldMs, , data] = time();
  const warmStart = process.cpuUsage();
  const warmSeconds = () => { const u = process.cpuUsage(warmStart); return (u.user + u.system) / 1e6; };
  for (let i = 0; i < Number(warmups) || warmSeconds() < Number(warmupSeconds); i++) time();
  const samples = [];
  const cpus = [];
  for (let i = 0; i < Number(runs); i++) {
    const [wall, cpu] = time();
    samples.push(wall);
    cpus.push(cpu);
  }
  samples.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  const out = path.join(outDir, path.basename(file));
  fs.writeFileSync(out, data);
  console.log(JSON.stringify({ file: path.basename(file), coldMs, medianMs: samples[samples.length >> 1],
    cpuMs: cpus[cpus.length >> 1], bytes: Buffer.byteLength(data), out }));
}
