import Link from "next/link";
import { EmptyState } from "~/components/ui/empty-state";
import { SearchIcon } from "~/components/ui/icons";
import styles from "./status-page.module.css";

export default function NotFound() {
  return (
    <main className={styles.center}>
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
          This address does not exist in Gemba. Check the link, or start from your home page.
        </EmptyState>
      </div>
    </main>
  );
}
