/**
 * The simulator in a process of its own, so the benchmark measures the engine's CPU and memory alone.
 * Prints one JSON line with its endpoint and credentials, and stops when its standard input closes.
 */
import { startSimulator } from '../main/simulator';

const rooms = Number(process.argv[2] ?? 2000);
const simulator = await startSimulator({
  rooms: Array.from({ length: rooms }, (_, i) => ({
    groupId: `@TGS#bench${i}`,
    audience: { kind: 'steady' as const, base: 100 + i, noise: 0.05 },
  })),
});
process.stdout.write(
  `${JSON.stringify({ baseUrl: simulator.baseUrl, credentials: simulator.credentials })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => {
  void simulator.close().then(() => process.exit(0));
});
