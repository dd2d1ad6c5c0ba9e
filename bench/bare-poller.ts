/**
 * The floor the engine's CPU is measured against: a bare poller that makes the same
 * get_online_member_num calls as `headcount watch` to the same simulator, at the same rate, over a
 * node:http keep-alive agent, and does nothing else (no scheduler, budget, alerts, history or
 * output). Each call is signed as the engine signs it (one UserSig, a fresh `random`), and each
 * answer is read and parsed. Run by bench/bare-floor.bench.ts as a process of its own:
 *
 *   node dist/bench/bare-poller.js <baseUrl> <rooms> <calls per second>
 *
 * with the simulator's credentials in BARE_SDKAPPID, BARE_IDENTIFIER and BARE_SECRET_KEY. It polls
 * until its standard input closes.
 */
import http from 'node:http';
import { signUserSig } from '../main/core/usersig';

const [baseUrl = '', roomsText = '2000', rateText = '190'] = process.argv.slice(2);
const rooms = Number(roomsText);
const perSecond = Number(rateText);
const identity = {
  sdkAppId: Number(process.env.BARE_SDKAPPID),
  identifier: process.env.BARE_IDENTIFIER ?? '',
  secretKey: process.env.BARE_SECRET_KEY ?? '',
};
const userSig = signUserSig({
  ...identity,
  nowSeconds: Math.floor(Date.now() / 1000),
  expireSeconds: 86_400,
});
const agent = new http.Agent({ keepAlive: true });
const path = `${baseUrl}/v4/group_open_http_svc/get_online_member_num`;
const fixedQuery = `sdkappid=${identity.sdkAppId}&identifier=${encodeURIComponent(identity.identifier)}&usersig=${encodeURIComponent(userSig)}&contenttype=json`;

let sent = 0;
let failed = 0;
function poll(groupId: string): void {
  const body = JSON.stringify({ GroupId: groupId });
  const random = (Math.random() * 2 ** 32) >>> 0;
  const req = http.request(`${path}?${fixedQuery}&random=${random}`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  req.on('response', (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => {
      const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { OnlineMemberNum?: unknown };
      if (typeof answer.OnlineMemberNum !== 'number') failed++;
    });
  });
  req.on('error', () => failed++);
  req.end(body);
}

// Calls go at an even pace: every few milliseconds, those due by now, rooms in turn.
const start = performance.now();
const pacer = setInterval(() => {
  const due = Math.floor(((performance.now() - start) / 1000) * perSecond);
  while (sent < due) {
    poll(`@TGS#bench${sent % rooms}`);
    sent++;
  }
}, 5);
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(pacer);
  agent.destroy();
  process.stderr.write(`bare poller: ${sent} calls, ${failed} failed\n`);
  process.exit(0);
});
