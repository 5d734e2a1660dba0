import type { Metadata } from "next";
import { ReasonTree } from "~/components/reasons/reason-tree";

export const metadata: Metadata = { title: "Reason codes" };

export default function ReasonsPage() {
  return <ReasonTree />;
}
