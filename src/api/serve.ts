// The only file that knows the network: it puts an app on a port with @hono/node-server.
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  /** http://host:port */
  address: string;
  close(): Promise<void>;
}

export function startServer(app: Hono, options: { port: number; hostname: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, (info) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        address: `http://${host}:${info.port}`,
        close: () => new Promise((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
