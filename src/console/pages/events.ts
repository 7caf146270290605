// The live stream (server-sent events): a notice whenever a chat the person may see changes, on
// this instance at once and on others within a poll. Each heartbeat also checks the session, so
// signing out everywhere (or an expired session) closes open consoles too.
import { asStaff } from '../accounts.ts';
import type { LiveNotice } from '../live.ts';
import { type ConsolePage } from '../router.ts';
import { canSee } from '../scope.ts';

export const eventsPage: ConsolePage = {
  routes(r, shared) {
    r.staff('GET', '/events', 'agent', async (c) => {
      const staff = asStaff(c.staff);
      const { missions } = c.deps;
      const raw = c.reply.raw;
      c.reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // Proxies (nginx) must pass events through as they come.
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n\n');
      raw.write(`event: hello\ndata: {}\n\n`);

      const seen = (n: LiveNotice) =>
        canSee(staff, n.mission !== undefined ? { mission: n.mission } : {}, missions) ||
        (n.previousMission !== undefined && canSee(staff, { mission: n.previousMission }, missions));
      const unsubscribe = c.svc.live.subscribe((n) => {
        if (seen(n)) raw.write(`event: change\ndata: ${JSON.stringify(n)}\n\n`);
      });
      const heartbeat = setInterval(() => {
        void c.svc.sessions.stillLive(c.session.id).then(
          (live) => {
            if (!live) {
              raw.write('event: signed-out\ndata: {}\n\n');
              end();
            } else raw.write(': ping\n\n');
          },
          () => raw.write(': ping\n\n'),
        );
      }, c.deps.options.heartbeatMs);
      heartbeat.unref();

      let ended = false;
      function end(): void {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        shared.streams.delete(end);
        raw.end();
      }
      shared.streams.add(end);
      c.req.raw.on('close', end);
    });
  },
};
