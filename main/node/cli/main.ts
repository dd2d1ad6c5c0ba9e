import { ConfigError } from '../../core/config-error';
import { ALERTS_HELP, runAlerts } from './alerts';
import { COUNT_HELP, runCount } from './count';
import { DEMO_HELP, runDemo } from './demo';
import { runServe, SERVE_HELP } from './serve';
import { runSimulate, SIMULATE_HELP } from './simulate';
import { runSnooze, SNOOZE_HELP } from './snooze';
import { terminalText } from './terminal-text';
import { runWatch, WATCH_HELP } from './watch';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  count: runCount,
  watch: runWatch,
  serve: runServe,
  demo: runDemo,
  simulate: runSimulate,
  alerts: runAlerts,
  snooze: (args) => runSnooze(args),
  unsnooze: (args) => runSnooze(args, true),
};

const HELP = `Headcount: online counts of Tencent Cloud IM live-stream rooms.

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

${[COUNT_HELP, WATCH_HELP, SERVE_HELP, DEMO_HELP, SIMULATE_HELP, ALERTS_HELP, SNOOZE_HELP].map((h) => h.split('\n')[0]).join('\n')}
Run headcount <command> --help for the details of one command.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  if (!run)
    throw new ConfigError(`Unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
  return run(args);
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
