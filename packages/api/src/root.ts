import { adminRouter } from "./routers/admin";
import { calendarRouter } from "./routers/calendar";
import { checklistsRouter } from "./routers/checklists";
import { connectorsRouter } from "./routers/connectors";
import { decisionsRouter } from "./routers/decisions";
import { downtimeRouter } from "./routers/downtime";
import { executionRouter } from "./routers/execution";
import { floorRouter } from "./routers/floor";
import { handoverRouter } from "./routers/handover";
import { insightsRouter } from "./routers/insights";
import { meRouter } from "./routers/me";
import { onboardingRouter } from "./routers/onboarding";
import { plantRouter } from "./routers/plant";
import { reasonsRouter } from "./routers/reasons";
import { rulesRouter } from "./routers/rules";
import { tasksRouter } from "./routers/tasks";
import { webhookEndpointsRouter } from "./routers/webhook-endpoints";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  plant: plantRouter,
  admin: adminRouter,
  connectors: connectorsRouter,
  downtime: downtimeRouter,
  onboarding: onboardingRouter,
  execution: executionRouter,
  calendar: calendarRouter,
  reasons: reasonsRouter,
  decisions: decisionsRouter,
  tasks: tasksRouter,
  floor: floorRouter,
  handover: handoverRouter,
  rules: rulesRouter,
  webhookEndpoints: webhookEndpointsRouter,
  checklists: checklistsRouter,
  insights: insightsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
