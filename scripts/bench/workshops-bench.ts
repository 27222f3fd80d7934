/**
 * The workshops benchmark (`npm run bench -- workshops`, issue 18): kiosks in workshop rooms
 * against a hub in its own process, on SQLite and on PostgreSQL (127.0.0.1:5432, skipped if
 * unreachable), beside a bare WebSocket echo measured in the same run. Rooms: one workshop of
 * 30 kiosks, one of 40 (the seat limit, core/protocol/workshop-states.ts: 100 kiosks cannot sit
 * in one workshop), and 10 workshops of 30 at once, each at its own site with its own trainer.
 * Each kiosk and trainer is a raw socket that says hello as the real ones do (hub-bench-clients.ts)
 * and uses the real HTTP routes. Measured, with every kiosk of every room busy at once:
 *  - progress → grid: a kiosk's POST /api/kiosk/workshop/progress sent → its trainer's socket has
 *    a `workshop.grid` showing that seat on that step (issue 18: within 1 s). Every kiosk reports
 *    a new step every `progressEveryMs` (jittered), far more often than a senior moves;
 *  - follow → kiosks: the trainer's PUT …/follow sent → every kiosk of the room has a
 *    `kiosk.workshop` with that target (the slowest kiosk, and the median one); all trainers at once;
 *  - hand → trainer: a kiosk's POST …/hand sent → its trainer's grid shows the seat's hand raised.
 * Timestamps are performance.now() in this process, which holds every client.
 */
import { cpus, loadavg } from 'node:os';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { createBenchDatabase } from './bench-postgres.js';
import { startBenchHub } from './bench-hub.js';
import { sleep } from './bench-processes.js';
import { HubSocket, mapLimited, type HubHttp } from './hub-bench-clients.js';
import { createBenchKiosk, createBenchSite, createBenchVolunteer, signInStaff, signInVolunteer } from './hub-bench-setup.js';
import { ms, percentile } from './stats.js';
import { startEchoBench, type EchoBench, type EchoFloor } from './ws-echo-floor.js';

const lesson = 'practica-clave';
const plan = { progressEveryMs: 2000, progressMs: 12_000, warmUpMs: 2000, follows: 30, followGapMs: 100, hands: 30, echoes: 2000, echoWarmUp: 500 };
const goalMs = 1000;
const rooms = [
  { label: '1 × 30', workshops: 1, kiosks: 30 },
  { label: '1 × 40 (seat limit)', workshops: 1, kiosks: 40 },
  { label: '10 × 30 at once', workshops: 10, kiosks: 30 },
] as const;

/** One kiosk of a room: its seat, and what its socket last heard of the follow target. */
interface SeatKiosk {
  token: string;
  socket: HubSocket;
  seat: number;
  /** The latest follow target's `at` this kiosk was told, and when that view arrived. */
  followAt: number;
  followSeenAt: number;
  onView?: () => void;
}

/** One workshop: its trainer's socket and the latest grid, and its kiosks. */
interface Room {
  id: string;
  trainerToken: string;
  trainer: HubSocket;
  kiosks: SeatKiosk[];
  /** Called on every grid the trainer receives, with the seats as they are in it. */
  onGrid?: (seats: GridSeat[], at: number) => void;
}

interface GridSeat {
  seat: number;
  stepId?: string;
  hand: string;
}

interface RoomFigures {
  storage: string;
  room: string;
  kiosks: number;
  progress: number[];
  progressLost: number;
  followSlowest: number[];
  followMedian: number[];
  hand: number[];
  floor: EchoFloor;
  failures: string[];
}

/** Runs the benchmark and prints its figures. */
export async function runWorkshopsBench(): Promise<void> {
  const echo = await startEchoBench();
  const results: RoomFigures[] = [];
  try {
    // Only to learn whether PostgreSQL is there: each room gets a fresh database of its own.
    const probe = await createBenchDatabase();
    if (probe.ok) await probe.drop();
    printHeader(probe.ok ? probe.serverVersion : 'not reachable');
    const quiet = await echo.measure(plan.echoes, plan.echoWarmUp);
    console.log(`  bare ws echo, no hub running: p50 ${ms(percentile(quiet.samples, 50))}, p99 ${ms(percentile(quiet.samples, 99))}`);
    for (const shape of rooms) results.push(await benchRoom('SQLite', undefined, shape, echo));
    if (probe.ok) {
      for (const shape of rooms) {
        const database = await createBenchDatabase();
        if (!database.ok) throw new Error(`PostgreSQL: ${database.reason}`);
        try {
          results.push(await benchRoom('PostgreSQL', database.url, shape, echo));
        } finally {
          await database.drop();
        }
      }
    } else console.log(`  PostgreSQL skipped: ${probe.reason}`);
    printTable(results);
  } finally {
    await echo.stop();
  }
}

/** A fresh hub (a room's rows and sockets never weigh on the next), the room made in it, measured. */
async function benchRoom(label: string, databaseUrl: string | undefined, shape: (typeof rooms)[number], echo: EchoBench): Promise<RoomFigures> {
  const hub = await startBenchHub(databaseUrl);
  const sockets: HubSocket[] = [];
  try {
    const made = await makeRooms(hub.http, shape.workshops, shape.kiosks, sockets);
    const floor = await echo.measure(plan.echoes, plan.echoWarmUp);
    const result: RoomFigures = {
      storage: label,
      room: shape.label,
      kiosks: shape.workshops * shape.kiosks,
      floor,
      failures: [],
      ...(await measureRooms(hub.http, made)),
    };
    if (hub.hub.exited()) result.failures.push(`the hub exited: ${hub.hub.output().trim()}`);
    const warnings = hub.warnings();
    if (warnings.length > 0) result.failures.push(`the hub logged ${warnings.length} warnings; the last: ${warnings.at(-1) ?? ''}`);
    console.log(`  ${label}, ${shape.label}: done (${describe(result.progress)} progress → grid)`);
    return result;
  } finally {
    for (const socket of sockets) socket.terminate();
    await hub.stop();
  }
}

/** Creates `count` sites, each with a trainer and `kiosksEach` kiosks joined to its running workshop. */
async function makeRooms(http: HubHttp, count: number, kiosksEach: number, sockets: HubSocket[]): Promise<Room[]> {
  const staff = await signInStaff(http);
  return mapLimited(
    Array.from({ length: count }, (_, r) => r),
    count,
    async (r) => {
      const site = { id: `bench-room-${r + 1}`, address: `127.0.3.${r + 1}` };
      await createBenchSite(http, staff, site.id, r + 1);
      const trainerRecord = { id: `bench-trainer-${r + 1}`, name: `Formadora ${r + 1}`, pin: String(4000 + r), languages: ['es'] };
      await createBenchVolunteer(http, staff, trainerRecord, site.id);
      const trainerToken = await signInVolunteer(http, trainerRecord, site);
      const trainer = await HubSocket.open(http.baseUrl, trainerToken, 'volunteer.calls', site.address);
      sockets.push(trainer);
      const started = await http.request<{ workshop: { id: string; code: string } }>('POST', apiRoutes.startWorkshop.path, {
        token: trainerToken,
        body: { lessonIds: [lesson] },
      });
      const room: Room = { id: started.workshop.id, trainerToken, trainer, kiosks: [] };
      trainer.listener = (data, at) => {
        const message = JSON.parse(String(data)) as { type?: string; workshop?: { id: string; seats: GridSeat[] } };
        if (message.type === 'workshop.grid' && message.workshop?.id === room.id) room.onGrid?.(message.workshop.seats, at);
      };
      room.kiosks = await mapLimited(
        Array.from({ length: kiosksEach }, (_, k) => k),
        10,
        async (k) => {
          const token = await createBenchKiosk(http, staff, site.id, `${site.id}-kiosk-${k + 1}`, k + 1);
          const socket = await HubSocket.open(http.baseUrl, token, 'kiosk.call', site.address);
          sockets.push(socket);
          const joined = await http.request<{ workshop: { seat: number } }>('POST', apiRoutes.kioskJoinWorkshop.path, {
            token,
            body: { code: started.workshop.code },
          });
          const kiosk: SeatKiosk = { token, socket, seat: joined.workshop.seat, followAt: 0, followSeenAt: 0 };
          socket.listener = (data, at) => {
            const message = JSON.parse(String(data)) as { type?: string; workshop?: { follow?: { at: number } | null } | null };
            if (message.type !== 'kiosk.workshop') return;
            const followAt = message.workshop?.follow?.at ?? kiosk.followAt;
            if (followAt !== kiosk.followAt) [kiosk.followAt, kiosk.followSeenAt] = [followAt, at];
            kiosk.onView?.();
          };
          return kiosk;
        },
      );
      return room;
    },
  );
}

async function measureRooms(http: HubHttp, made: Room[]): Promise<Pick<RoomFigures, 'progress' | 'progressLost' | 'followSlowest' | 'followMedian' | 'hand'>> {
  const answer = await http.request<{ lessons: { id: string; steps: { id: string }[] }[] }>('GET', apiRoutes.workshopLessons.path, {
    token: made[0]?.trainerToken ?? '',
  });
  const steps = answer.lessons.find((candidate) => candidate.id === lesson)?.steps.map((step) => step.id) ?? [];
  if (steps.length < 3) throw new Error(`the lesson ${lesson} has ${steps.length} steps; the bench needs 3`);

  // Progress: every kiosk reports a new step every progressEveryMs; each report is a sample.
  const progress: number[] = [];
  let lost = 0;
  const waiting = new Map<Room, Map<number, { stepId: string; sentAt: number; measured: boolean }>>();
  for (const room of made) {
    const pending = new Map<number, { stepId: string; sentAt: number; measured: boolean }>();
    waiting.set(room, pending);
    room.onGrid = (seats, at) => {
      for (const seat of seats) {
        const report = pending.get(seat.seat);
        if (report && seat.stepId === report.stepId) {
          pending.delete(seat.seat);
          if (report.measured) progress.push(at - report.sentAt);
        }
      }
    };
  }
  const start = performance.now();
  const end = start + plan.warmUpMs + plan.progressMs;
  await Promise.all(
    made.flatMap((room) =>
      room.kiosks.map(async (kiosk, index) => {
        await sleep(Math.random() * plan.progressEveryMs);
        for (let n = index; performance.now() < end; n++) {
          const stepId = steps[n % steps.length] ?? '';
          const pending = waiting.get(room);
          // A report still unseen when the next is due is counted as lost (the grid never showed it).
          if (pending?.get(kiosk.seat)?.measured) lost += 1;
          const sentAt = performance.now();
          pending?.set(kiosk.seat, { stepId, sentAt, measured: sentAt - start >= plan.warmUpMs });
          await http.request('POST', apiRoutes.kioskWorkshopProgress.path, { token: kiosk.token, body: { lessonId: lesson, stepId, finishedLessons: [] } });
          await sleep(plan.progressEveryMs * (0.75 + Math.random() * 0.5) - (performance.now() - sentAt));
        }
      }),
    ),
  );
  await sleep(goalMs);
  for (const pending of waiting.values()) lost += [...pending.values()].filter((report) => report.measured).length;

  // Follow-the-leader: each trainer in turn asks all its kiosks to one step; all rooms at once.
  const followSlowest: number[] = [];
  const followMedian: number[] = [];
  await Promise.all(
    made.map(async (room) => {
      for (let f = 0; f < plan.follows + 2; f++) {
        const stepId = steps[f % steps.length] ?? '';
        const arrivals: number[] = [];
        let target = Number.POSITIVE_INFINITY;
        const done = new Promise<void>((resolve) => {
          for (const kiosk of room.kiosks)
            kiosk.onView = () => {
              if (kiosk.followAt < target || arrivals.length === room.kiosks.length) return;
              arrivals.push(kiosk.followSeenAt);
              kiosk.onView = undefined;
              if (arrivals.length === room.kiosks.length) resolve();
            };
        });
        const sentAt = performance.now();
        const answered = await http.request<{ workshop: { follow: { at: number } } }>('PUT', fillPath('workshopFollow', { id: room.id }), {
          token: room.trainerToken,
          body: { target: { lessonId: lesson, stepId } },
        });
        target = answered.workshop.follow.at;
        // Views that came before the answer told the target: check them now.
        for (const kiosk of room.kiosks) kiosk.onView?.();
        await Promise.race([done, sleep(10_000)]);
        if (f >= 2 && arrivals.length === room.kiosks.length) {
          followSlowest.push(Math.max(...arrivals) - sentAt);
          followMedian.push(percentile(arrivals, 50) - sentAt);
        }
        await sleep(plan.followGapMs);
      }
    }),
  );

  // Raised hands: a kiosk of each room in turn raises its hand, then lowers it; all rooms at once.
  const hand: number[] = [];
  await Promise.all(
    made.map(async (room) => {
      for (let h = 0; h < plan.hands; h++) {
        const kiosk = room.kiosks[h % room.kiosks.length];
        if (!kiosk) continue;
        const seen = new Promise<number>((resolve) => {
          room.onGrid = (seats, at) => {
            if (seats.some((seat) => seat.seat === kiosk.seat && seat.hand === 'raised')) resolve(at);
          };
        });
        const sentAt = performance.now();
        await http.request('POST', apiRoutes.kioskWorkshopHand.path, { token: kiosk.token, body: { raised: true } });
        const at = await Promise.race([seen, sleep(10_000).then(() => undefined)]);
        if (at !== undefined) hand.push(at - sentAt);
        room.onGrid = undefined;
        await http.request('POST', apiRoutes.kioskWorkshopHand.path, { token: kiosk.token, body: { raised: false } });
        await sleep(plan.followGapMs);
      }
    }),
  );
  return { progress, progressLost: lost, followSlowest, followMedian, hand };
}

function printHeader(postgres: string): void {
  const cores = cpus();
  console.log(
    `workshops bench: the hub in its own process (PASO_DEMO=0), every kiosk and trainer a WebSocket in this process, all on 127.0.0.1, the lesson ${lesson}`,
  );
  console.log(
    `  machine: ${cores.length} cores (${cores[0]?.model ?? 'unknown CPU'}), Node ${process.versions.node}, PostgreSQL ${postgres}; load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `  load: every kiosk reports a new step every ${plan.progressEveryMs} ms (±25 %) for ${(plan.progressMs / 1000).toFixed(0)} s after ${(plan.warmUpMs / 1000).toFixed(0)} s unmeasured; then ${plan.follows} follows per room (all rooms at once), then ${plan.hands} raised hands per room`,
  );
  console.log(`  the bare ws echo (1 client, ${plan.echoes} sequential 200-byte echoes, its own process) is measured again just before each room`);
}

function describe(samples: readonly number[]): string {
  return samples.length === 0 ? 'no samples' : `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, p99 ${ms(percentile(samples, 99))}`;
}

function printTable(results: readonly RoomFigures[]): void {
  const pair = (samples: readonly number[], high: number): string =>
    samples.length === 0 ? '–' : `${ms(percentile(samples, 50))} / ${ms(percentile(samples, high))}`;
  console.log('');
  console.log(
    `| storage | room | kiosks | progress → grid p50 / p95 / p99 (n, lost) | follow → slowest kiosk p50 / p99 (median kiosk p50) | hand → trainer p50 / p99 | bare echo p50 / p99 | grid within ${goalMs / 1000} s |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    const p99 = percentile(result.progress, 99);
    const met = result.progress.length > 0 && result.progressLost === 0 && Math.max(...result.progress) <= goalMs;
    console.log(
      `| ${result.storage} | ${result.room} | ${result.kiosks} | ${ms(percentile(result.progress, 50))} / ${ms(percentile(result.progress, 95))} / ${ms(p99)} (${result.progress.length}, ${result.progressLost}) | ${pair(result.followSlowest, 99)} (${ms(percentile(result.followMedian, 50))}) | ${pair(result.hand, 99)} | ${pair(result.floor.samples, 99)} | ${met ? `met (max ${ms(Math.max(...result.progress))})` : `NOT met (max ${ms(Math.max(...result.progress))}, ${result.progressLost} never shown)`} |`,
    );
  }
  for (const result of results) for (const failure of result.failures) console.log(`  ${result.storage}, ${result.room}: ${failure}`);
  console.log(
    `  load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
}
