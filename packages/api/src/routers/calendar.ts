import type { Context } from "../context";
import type { CalendarActor } from "../services/calendar/calendar-actor";
import {
  ZCreateNoShiftPeriodInput,
  ZCreatePatternInput,
  ZCreateShiftInput,
  ZNoShiftPeriodIdInput,
  ZPatternIdInput,
  ZShiftIdInput,
  ZSiteInput,
  ZUpdateNoShiftPeriodInput,
  ZUpdatePatternInput,
  ZUpdateShiftInput,
} from "../services/calendar/calendar-inputs";
import { getSiteCalendar, listCalendarSites, listNoShiftPeriods } from "../services/calendar/list-calendar";
import {
  createNoShiftPeriod,
  deleteNoShiftPeriod,
  updateNoShiftPeriod,
} from "../services/calendar/save-no-shift-period";
import { createShift, deleteShift, updateShift } from "../services/calendar/save-shift";
import { createShiftPattern, deleteShiftPattern, updateShiftPattern } from "../services/calendar/save-shift-pattern";
import { adminProcedure, router } from "../trpc";

type CalendarCtx = Context & {
  tx: CalendarActor["tx"];
  session: { userId: string };
  tenant: Omit<CalendarActor, "tx" | "userId" | "platform" | "afterCommit">;
  afterCommit: CalendarActor["afterCommit"];
};

const actorOf = (ctx: CalendarCtx): CalendarActor => ({
  tx: ctx.tx,
  userId: ctx.session.userId,
  ...ctx.tenant,
  platform: ctx.platform,
  afterCommit: ctx.afterCommit,
});

/** Admin → Shift calendar: patterns, shifts, breaks and no-shift periods per site. Thin: the services do the work. */
export const calendarRouter = router({
  sites: adminProcedure.query(({ ctx }) => listCalendarSites(ctx.tx)),
  overview: adminProcedure.input(ZSiteInput).query(({ ctx, input }) => getSiteCalendar(ctx.tx, input)),
  noShiftPeriods: adminProcedure.input(ZSiteInput).query(({ ctx, input }) => listNoShiftPeriods(ctx.tx, input)),

  createPattern: adminProcedure
    .input(ZCreatePatternInput)
    .mutation(({ ctx, input }) => createShiftPattern(actorOf(ctx), input)),
  updatePattern: adminProcedure
    .input(ZUpdatePatternInput)
    .mutation(({ ctx, input }) => updateShiftPattern(actorOf(ctx), input)),
  deletePattern: adminProcedure
    .input(ZPatternIdInput)
    .mutation(({ ctx, input }) => deleteShiftPattern(actorOf(ctx), input)),

  createShift: adminProcedure.input(ZCreateShiftInput).mutation(({ ctx, input }) => createShift(actorOf(ctx), input)),
  updateShift: adminProcedure.input(ZUpdateShiftInput).mutation(({ ctx, input }) => updateShift(actorOf(ctx), input)),
  deleteShift: adminProcedure.input(ZShiftIdInput).mutation(({ ctx, input }) => deleteShift(actorOf(ctx), input)),

  createNoShiftPeriod: adminProcedure
    .input(ZCreateNoShiftPeriodInput)
    .mutation(({ ctx, input }) => createNoShiftPeriod(actorOf(ctx), input)),
  updateNoShiftPeriod: adminProcedure
    .input(ZUpdateNoShiftPeriodInput)
    .mutation(({ ctx, input }) => updateNoShiftPeriod(actorOf(ctx), input)),
  deleteNoShiftPeriod: adminProcedure
    .input(ZNoShiftPeriodIdInput)
    .mutation(({ ctx, input }) => deleteNoShiftPeriod(actorOf(ctx), input)),
});
