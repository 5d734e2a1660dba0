import { adminRouter } from "./routers/admin";
import { calendarRouter } from "./routers/calendar";
import { connectorsRouter } from "./routers/connectors";
import { decisionsRouter } from "./routers/decisions";
import { downtimeRouter } from "./routers/downtime";
import { executionRouter } from "./routers/execution";
import { meRouter } from "./routers/me";
import { onboardingRouter } from "./routers/onboarding";
import { plantRouter } from "./routers/plant";
import { reasonsRouter } from "./routers/reasons";
import { tasksRouter } from "./routers/tasks";
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
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
