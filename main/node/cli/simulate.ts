import { ConfigError } from '../../core/config-error';
import { demoShow, startSimulator } from '../../simulator';
import { showGroupId } from './format';
import { parseCommand } from './options';

export const SIMULATE_HELP = `Usage: headcount simulate [--port N] [--host H] [--tls]

Runs the built-in simulator of the Tencent IM REST API alone, with the demo show's rooms, and
prints its endpoint and demo credentials. Point any Headcount command at it with those variables.`;

/** `headcount simulate`: the simulator alone, until Ctrl-C. */
export async function runSimulate(args: string[]): Promise<number> {
  const { values } = parseCommand(
    args,
    { port: { type: 'string' }, host: { type: 'string' }, tls: { type: 'boolean' } },
    'simulate',
  );
  if (values.help) {
    process.stdout.write(`${SIMULATE_HELP}\n`);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError('--port takes a port number (0-65535).');
  const rooms = demoShow();
  const simulator = await startSimulator({
    rooms,
    port,
    host: values.host ?? '127.0.0.1',
    tls: values.tls === true,
  });
  const { sdkAppId, identifier, secretKey } = simulator.credentials;
  const lines = [
    `Simulator listening on ${simulator.baseUrl}`,
    '',
    'Demo credentials (for this simulator only):',
    `  export HEADCOUNT_ENDPOINT=${simulator.baseUrl}`,
    `  export HEADCOUNT_SDKAPPID=${sdkAppId}`,
    `  export HEADCOUNT_IDENTIFIER=${identifier}`,
    `  export HEADCOUNT_SECRET_KEY=${secretKey}`,
    ...(simulator.caCert
      ? ['  (HTTPS: save the test CA below to a file and set HEADCOUNT_CA_FILE to it)']
      : []),
    '',
    'Rooms:',
    ...rooms.map((room) => `  ${showGroupId(room.groupId)}  ${room.name ?? ''}`),
    ...(simulator.caCert ? ['', simulator.caCert.trim()] : []),
    '',
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await simulator.close();
  return 0;
}
