import "server-only";
import type { PlatformServices } from "@gemba/api/platform";
import { parseSecretsKey } from "@gemba/db/secrets/secrets-box";
import { webEnv } from "./env";
import { queues } from "./queues";
import { redis } from "./redis";

let secretsKey: Buffer | undefined;

/** Queues, Redis and the secrets key for procedures that manage connectors. */
export function platformServices(): PlatformServices {
  secretsKey ??= parseSecretsKey(webEnv().SECRETS_KEY);
  return { secretsKey, redis: redis(), queues: queues() };
}
