import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { ConfigError } from '../../core/config-error';
import { terminalText } from './terminal-text';

type Command = (args: string[]) => Promise<number>;

// Each command's code (and the packages it needs: the settings file's, the server's, the
// notifier's) is loaded only when that command runs: `headcount count` starts without them.
const COMMANDS: Record<string, () => Promise<Command>> = {
  count: async () => (await import('./count')).runCount,
  watch: async () => (await import('./watch')).runWatch,
  serve: async () => {
    // serve holds a day or more of every room's history and lets its old generation grow between
    // collections; V8 sized for memory keeps it under 160 MB with a day of 2,000 rooms. Only serve:
    // the flag costs watch about 40 % more CPU a call (docs/performance.md, "Memory"). V8 reads this
    // flag at each collection, so it takes effect though the heap is already made.
    setFlagsFromString('--optimize-for-size');
    const { runServe } = await import('./serve');
    // The built page lies beside this entry; the command's own code may sit in a chunk elsewhere.
    return (args) => runServe(args, fileURLToPath(new URL('./renderer/', import.meta.url)));
  },
  demo: async () => (await import('./demo')).runDemo,
  simulate: async () => (await import('./simulate')).runSimulate,
  alerts: async () => (await import('./alerts')).runAlerts,
  snooze: async () => {
    const { runSnooze } = await import('./snooze');
    return (args) => runSnooze(args);
  },
  unsnooze: async () => {
    const { runSnooze } = await import('./snooze');
    return (args) => runSnooze(args, true);
  },
};

/** Every command's help, for the overview (which loads them all). */
async function commandHelps(): Promise<string[]> {
  const [count, watch, serve, demo, simulate, alerts, snooze] = await Promise.all([
    import('./count'),
    import('./watch'),
    import('./serve'),
    import('./demo'),
    import('./simulate'),
    import('./alerts'),
    import('./snooze'),
  ]);
  return [
    count.COUNT_HELP,
    watch.WATCH_HELP,
    serve.SERVE_HELP,
    demo.DEMO_HELP,
    simulate.SIMULATE_HELP,
    alerts.ALERTS_HELP,
    snooze.SNOOZE_HELP,
  ];
}

const help = (helps: string[]) => `Headcount: online counts of Tencent Cloud IM live-stream rooms.

Commands:
  headcount count <groupId>... [--json]       ask once for each room's online count
  headcount watch [<groupId>...] [options]    watch rooms continuously
  headcount serve [<groupId>...] [options]    watch rooms with a web dashboard and /metrics
  headcount demo                              watch a scripted show on the built-in simulator
  headcount simulate [--port N]               run the built-in simulator alone
  headcount alerts [--since 1h] [--json]      read the alert log
  headcount snooze [<groupId> | --all]        hold desktop notifications for a while

Credentials come from the environment: HEADCOUNT_SDKAPPID, HEADCOUNT_IDENTIFIER,
HEADCOUNT_SECRET_KEY or HEADCOUNT_SECRET_KEY_FILE (a file only you can read), and
HEADCOUNT_REGION (${'china, singapore, seoul, tokyo, frankfurt, mumbai, silicon-valley, jakarta'})
or HEADCOUNT_ENDPOINT. Flags --sdkappid, --identifier, --secret-key-file, --region, --endpoint
and --ca-file override them; the secret key itself never goes on a command line.

${helps.map((h) => h.split('\n')[0]).join('\n')}
Run headcount <command> --help for the details of one command.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${help(await commandHelps())}\n`);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load)
    throw new ConfigError(`Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
  return (await load())(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`headcount: ${terminalText(error.message, { keepNewlines: true })}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `headcount: unexpected failure: ${terminalText(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exitCode = 1;
  },
);
