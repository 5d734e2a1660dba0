import { adminRouter } from "./routers/admin";
import { calendarRouter } from "./routers/calendar";
import { connectorsRouter } from "./routers/connectors";
import { downtimeRouter } from "./routers/downtime";
import { executionRouter } from "./routers/execution";
import { meRouter } from "./routers/me";
import { onboardingRouter } from "./routers/onboarding";
import { plantRouter } from "./routers/plant";
import { reasonsRouter } from "./routers/reasons";
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
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
