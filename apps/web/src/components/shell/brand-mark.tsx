import Link from "next/link";
import styles from "./app-shell.module.css";

export function BrandMark() {
  return (
    <Link href="/" className={styles.brand}>
      <span className={styles.brandMark} aria-hidden="true">
        G
      </span>
      Gemba
    </Link>
  );
}
