import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchIcon } from "~/components/ui/icons";

export default function AppNotFound() {
  return (
    <div className="page">
      <div className="card">
        <EmptyState
          icon={<SearchIcon size={22} />}
          title="Page not found"
          action={
            <Link href="/" className="btn btn-primary">
              Go to start page
            </Link>
          }
        >
          This page does not exist, or it belongs to another plant. Use the navigation on the left to find your way.
        </EmptyState>
      </div>
    </div>
  );
}
