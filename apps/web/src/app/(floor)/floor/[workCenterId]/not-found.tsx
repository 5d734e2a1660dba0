"use client";

import Link from "next/link";
import { useEffect } from "react";
import { forgetWorkCenter } from "~/components/floor/remembered-work-center";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchIcon } from "~/components/ui/icons";

export default function FloorWorkCenterNotFound() {
  // The tablet must not keep returning here on its next start.
  useEffect(() => forgetWorkCenter(), []);
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          icon={<SearchIcon size={22} />}
          title="This work center is not in your plant"
          action={
            <Link href="/floor?choose=1" className="btn btn-primary btn-lg">
              Choose your work center
            </Link>
          }
        >
          The link may be old, the work center may have been removed, or it belongs to another plant. If you switched
          plants, pick the work center again.
        </EmptyState>
      </div>
    </div>
  );
}
