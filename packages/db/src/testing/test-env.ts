import { z } from "zod";

/** Environment of the test suites (the test runtime's only env module). */
const ZTestEnv = z.object({
  /** A superuser connection to any database of the server the tests may use. */
  TEST_DATABASE_URL: z.url().default("postgres://postgres@127.0.0.1:5432/postgres"),
  TEST_REDIS_URL: z.url().default("redis://127.0.0.1:6379"),
  /** The MQTT broker (Mosquitto) that Sparkplug B tests and the simulator publish to. */
  TEST_MQTT_URL: z.url().default("mqtt://127.0.0.1:1883"),
});

export const testEnv = ZTestEnv.parse(process.env);
