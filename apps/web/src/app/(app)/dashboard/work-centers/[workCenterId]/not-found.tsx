import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";

export default function WorkCenterNotFound() {
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          title="This work center is not in your plant"
          action={
            <Link href="/dashboard" className="btn btn-primary">
              Back to the plant overview
            </Link>
          }
        >
          It may have been removed, or the link belongs to another plant. Pick a tile on the overview instead.
        </EmptyState>
      </div>
    </div>
  );
}
