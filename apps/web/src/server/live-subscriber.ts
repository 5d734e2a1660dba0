import "server-only";
import { liveChannel } from "@gemba/jobs/live-bus";
import { Redis } from "ioredis";
import { webEnv } from "./env";
import { logger } from "./logger";

type Listener = (message: string) => void;

/**
 * One Redis subscription per server process, fanned out to every browser connection of a
 * tenant: a thousand open dashboards cost one Redis connection, not a thousand.
 */
class LiveSubscriber {
  private readonly redis: Redis;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor() {
    this.redis = new Redis(webEnv().REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false });
    // ioredis re-subscribes to every channel after a reconnect by itself.
    this.redis.on("error", (error) => logger().warn({ err: error }, "live subscription problem"));
    this.redis.on("message", (channel: string, message: string) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(message);
    });
  }

  /** Listens to a tenant's channel; returns the function that stops listening. */
  async listen(tenantId: string, listener: Listener): Promise<() => void> {
    const channel = liveChannel(tenantId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.redis.subscribe(channel);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(channel);
        this.redis.unsubscribe(channel).catch(() => undefined);
      }
    };
  }
}

const globalForLive = globalThis as unknown as { gembaLiveSubscriber?: LiveSubscriber };

export function liveSubscriber(): LiveSubscriber {
  globalForLive.gembaLiveSubscriber ??= new LiveSubscriber();
  return globalForLive.gembaLiveSubscriber;
}
