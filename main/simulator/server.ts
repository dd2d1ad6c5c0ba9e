/**
 * The simulator's HTTP(S) server on loopback: `/v4/` speaks the IM REST protocol, `/_sim/` is the
 * control API, and injected faults act between the two and the socket.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { answerControlRequest, CONTROL_PATH_PREFIX } from './control-api';
import { type Answer, failAnswer } from './envelope';
import { badGatewayAnswer, DEFAULT_SLOW_MS, faultCodeAnswer, truncatedAnswer } from './fault-answer';
import { answerImRequest, commandName, groupIdsNamed, IM_PATH_PREFIX, loggedBody } from './im-endpoint';
import { controlOf, createSimulatorState, type SimulatorState } from './simulator-state';
import { TEST_CA_CERT, TEST_SERVER_CERT, TEST_SERVER_KEY } from './test-certificate';
import type { RunningSimulator, SimulatorOptions } from './types';

/** Largest request body read; the real API's bodies are a few kilobytes at most. */
const MAX_BODY_BYTES = 1 << 20;

/** Starts a simulator and resolves once it listens. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const state = createSimulatorState(options);
  const control = controlOf(state);
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closing: Promise<void> | undefined;

  const delay = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    serve(req, res).catch(() => res.destroy());
  };
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith(CONTROL_PATH_PREFIX)) {
      send(res, answerControlRequest(method, url, body.text, control));
    } else if (url.pathname.startsWith(IM_PATH_PREFIX)) {
      await serveIm(state, { method, url, bodyText: body.text, tooLarge: body.tooLarge }, res, delay);
    } else {
      send(res, { ...failAnswer(60009), httpStatus: 404 });
    }
  };

  const server: Server = options.tls
    ? createHttpsServer({ key: TEST_SERVER_KEY, cert: TEST_SERVER_CERT }, onRequest)
    : createHttpServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const running: RunningSimulator = {
    baseUrl: baseUrlOf(host, port, options.tls === true),
    credentials: liveCredentials(state),
    control,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
  if (options.tls) running.caCert = TEST_CA_CERT;
  return running;
}

interface ReceivedImRequest {
  method: string;
  url: URL;
  bodyText: string;
  tooLarge: boolean;
}

async function serveIm(
  state: SimulatorState,
  request: ReceivedImRequest,
  res: ServerResponse,
  delay: (ms: number) => Promise<void>,
): Promise<void> {
  const groupIds = groupIdsNamed(request.bodyText);
  const command = commandName(request.url.pathname);
  const record = state.log.received(
    state.wall(),
    command,
    groupIds.length === 1 ? groupIds[0] : undefined,
    loggedBody(command, request.bodyText),
  );
  const fault = state.faults.take(command, groupIds);
  if (fault?.kind === 'hang') return;
  if (fault?.kind === 'slow') await delay(fault.delayMs ?? DEFAULT_SLOW_MS);
  let answer: Answer;
  if (fault?.kind === 'http-502') answer = badGatewayAnswer();
  else if (fault?.kind === 'error-code') answer = faultCodeAnswer(fault);
  else if (request.tooLarge) answer = failAnswer(60003, 'The request body is too large');
  else answer = answerImRequest(request, state);
  if (fault?.kind === 'truncated-json') answer = truncatedAnswer(answer);
  record.httpStatus = answer.httpStatus;
  record.errorCode = answer.errorCode;
  send(res, answer);
}

/** The app's credentials; `secretKey` follows `setSecretKey`. */
function liveCredentials(state: SimulatorState): RunningSimulator['credentials'] {
  return {
    sdkAppId: state.app.sdkAppId,
    identifier: state.app.identifier,
    get secretKey() {
      return state.app.secretKey;
    },
  };
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.httpStatus, {
    'Content-Type': answer.contentType,
    'Content-Length': Buffer.byteLength(answer.body),
  });
  res.end(answer.body);
}

/** The body as text, or as much as fits with `tooLarge` set. */
async function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES };
}

/** The URL clients use; with TLS a loopback address is named `localhost`, as the certificate says. */
function baseUrlOf(host: string, port: number, tls: boolean): string {
  const loopbackV4 = host === '127.0.0.1' || host === 'localhost';
  const name = tls && loopbackV4 ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${name}:${port}`;
}
