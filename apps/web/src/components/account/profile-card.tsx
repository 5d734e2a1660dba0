import { roleLabels } from "@gemba/domain/roles";
import type { TMe } from "~/lib/api-types";
import styles from "./account.module.css";

type TProfileCardProps = { user: TMe["user"]; tenants: TMe["tenants"]; activeTenantId: string | null };

export function ProfileCard({ user, tenants, activeTenantId }: TProfileCardProps) {
  return (
    <section className="card" aria-labelledby="profile-title">
      <div className="card-header">
        <h2 id="profile-title">Profile</h2>
      </div>
      <div className={`card-body ${styles.profile}`}>
        <dl className={styles.facts}>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <div>
          <h3 className={styles.subhead}>Plants</h3>
          <ul className={styles.plants}>
            {tenants.map((tenant) => (
              <li key={tenant.tenantId}>
                <span>{tenant.name}</span>
                <span className="badge">{roleLabels[tenant.role]}</span>
                {tenant.tenantId === activeTenantId ? <span className="badge badge-accent">Current</span> : null}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
