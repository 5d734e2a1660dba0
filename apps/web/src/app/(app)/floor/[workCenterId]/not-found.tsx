import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchIcon } from "~/components/ui/icons";

export default function WorkCenterNotFound() {
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          icon={<SearchIcon size={22} />}
          title="This work center is not in your plant"
          action={
            <Link href="/floor" className="btn btn-primary btn-lg">
              Back to all work centers
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
