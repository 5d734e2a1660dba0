import type { Metadata } from "next";
import { CalendarAdmin } from "~/components/calendar/calendar-admin";
import { CalendarIcon } from "~/components/calendar/calendar-icons";
import { EmptyState } from "~/components/ui/empty-state";
import { serverApi } from "~/trpc/server";

export const metadata: Metadata = { title: "Shift calendar" };

type TCalendarPageProps = { searchParams: Promise<{ site?: string | string[] }> };

export default async function CalendarPage({ searchParams }: TCalendarPageProps) {
  const api = await serverApi();
  const sites = await api.calendar.sites();
  const { site } = await searchParams;
  const requested = typeof site === "string" ? site : undefined;
  const selected = sites.find((candidate) => candidate.id === requested) ?? sites[0];
  if (!selected) {
    return (
      <section className="card">
        <EmptyState title="No sites yet" icon={<CalendarIcon size={22} />}>
          Shift calendars belong to a site, in its time zone. Sites come from the plant model (set up with your ERP
          connector or by Gemba support); once one exists, plan its shifts, breaks and holidays here.
        </EmptyState>
      </section>
    );
  }
  return <CalendarAdmin sites={sites} siteId={selected.id} />;
}
