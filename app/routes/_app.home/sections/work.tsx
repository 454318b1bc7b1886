/**
 * The work cards of the home page: each leads straight into the list or form where the work is
 * done. A card shows only when the actor's home has its section (`homeWork`).
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { SerializeFrom } from "@remix-run/node";
import type { PlacementStatus } from "~/domain/enums";
import type { HomeWork } from "~/queries/home.server";
import { CalendarDate, Instant } from "~/components/ui/dates";
import { StatusBadge } from "~/components/ui/status-badge";
import { formatNumber } from "~/utils/i18n";
import { useLang, useT } from "~/utils/use-i18n";

type Work = SerializeFrom<HomeWork>;

function WorkCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="card work-card" data-testid={testId} aria-labelledby={`${testId}-title`}>
      <h2 id={`${testId}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Count({ text }: { text: string }) {
  return <p className="work-count">{text}</p>;
}

function Referrals({ data }: { data: NonNullable<Work["referrals"]> }) {
  const t = useT();
  return (
    <WorkCard title={t("home.referrals.title")} testId="home-referrals">
      <p className="actions">
        <Link className="button" to="/placements/new">
          {t("home.referrals.new")}
        </Link>
        <Link to="/placements/import">{t("home.referrals.upload")}</Link>
      </p>
      {data.rows.length === 0 ? (
        <p className="muted">{t("home.referrals.none")}</p>
      ) : (
        <ul className="work-list">
          {data.rows.map((r) => (
            <li key={r.id}>
              <Link to={`/placements/${r.id}`}>{r.name}</Link> → {r.targetPantiName}{" "}
              <StatusBadge status={r.status as PlacementStatus} />{" "}
              <small>
                <Instant value={r.createdAt} />
              </small>
            </li>
          ))}
        </ul>
      )}
      {data.total > data.rows.length ? <Link to="/placements">{t("home.referrals.all", { n: data.total })} →</Link> : null}
    </WorkCard>
  );
}

function Queue({ waiting }: { waiting: number }) {
  const t = useT();
  return (
    <WorkCard title={t("home.queue.title")} testId="home-queue">
      <Count text={t("home.queue.count", { n: waiting })} />
      <p>
        <Link className={waiting > 0 ? "button" : undefined} to="/placements?status=pending">
          {t("home.queue.open")}
        </Link>
      </p>
    </WorkCard>
  );
}

function Approvals({ data }: { data: NonNullable<Work["approvals"]> }) {
  const t = useT();
  return (
    <WorkCard title={t("approval.home.title")} testId="home-approvals">
      <Count text={t("approval.home.count", { n: data.total, mine: data.mine })} />
      <p>
        <Link className={data.mine > 0 ? "button" : undefined} to="/approvals">
          {t("title.approvals")}
        </Link>
      </p>
    </WorkCard>
  );
}

/** A card that lists the first rows of a list, or says there is nothing, and leads to the rest. */
function WorkList<Row extends object>({
  title,
  testId,
  rows,
  empty,
  item,
  more,
}: {
  title: string;
  testId: string;
  rows: Row[];
  empty: string;
  item: (row: Row) => { key: number; content: ReactNode };
  more: { to: string; label: string };
}) {
  return (
    <WorkCard title={title} testId={testId}>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="work-list">
          {rows.map((row) => {
            const { key, content } = item(row);
            return <li key={key}>{content}</li>;
          })}
        </ul>
      )}
      <Link to={more.to}>{more.label} →</Link>
    </WorkCard>
  );
}

function WithoutBed({ data, pantiId }: { data: NonNullable<Work["withoutBed"]>; pantiId: number }) {
  const t = useT();
  return (
    <WorkList
      title={t("home.withoutBed.title")}
      testId="home-without-bed"
      rows={data.rows}
      empty={t("home.withoutBed.none")}
      more={{ to: `/panti/${pantiId}`, label: t("home.withoutBed.board") }}
      item={(r) => ({
        key: r.stayId,
        content: (
          <>
            <Link to={`/panti/${pantiId}/stays/${r.stayId}`}>{r.name}</Link>{" "}
            <small>
              {t("home.since")} <Instant value={r.admittedAt} />
            </small>{" "}
            · <Link to={`/panti/${pantiId}/stays/${r.stayId}/move`}>{t("home.withoutBed.assign")}</Link>
          </>
        ),
      })}
    />
  );
}

function FollowUps({ data }: { data: NonNullable<Work["followUps"]> }) {
  const t = useT();
  return (
    <WorkList
      title={t("home.followUps.title")}
      testId="home-follow-ups"
      rows={data.rows}
      empty={t("home.followUps.none")}
      more={{ to: "/follow-ups", label: t("home.followUps.all", { n: data.total }) }}
      item={(r) => ({
        key: r.id,
        content: (
          <>
            <Link to={`/panti/${r.pantiId}/stays/${r.stayId}`}>{r.displayName}</Link>{" "}
            <small>
              <CalendarDate value={r.dueDate} />
            </small>{" "}
            {r.state === "overdue" ? <span className="badge over">{t("followUp.state.overdue")}</span> : null}
          </>
        ),
      })}
    />
  );
}

function StaleStays({ data }: { data: NonNullable<Work["staleStays"]> }) {
  const t = useT();
  return (
    <WorkList
      title={t("home.stale.title")}
      testId="home-stale"
      rows={data.rows}
      empty={t("home.stale.none")}
      more={{ to: "/stale-stays", label: t("home.stale.all", { n: data.total }) }}
      item={(r) => ({
        key: r.stayId,
        content: (
          <>
            <Link to={`/panti/${r.pantiId}/stays/${r.stayId}`}>{r.displayName}</Link> <small>{t("home.stale.days", { n: r.days })}</small>
          </>
        ),
      })}
    />
  );
}

function TodayClasses({ rows }: { rows: NonNullable<Work["todayClasses"]> }) {
  const t = useT();
  return (
    <WorkCard title={t("home.classes.title")} testId="home-classes">
      {rows.length === 0 ? (
        <p className="muted">{t("home.classes.none")}</p>
      ) : (
        <ul className="work-list">
          {rows.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>{" "}
              <small>
                {c.startTime}–{c.endTime}
              </small>
              <br />
              <Link className={c.sessionToday ? undefined : "button"} to={`/classes/${c.id}/attendance`}>
                {c.sessionToday ? t("home.classes.attendanceDone") : t("home.classes.attendance")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link to="/classes">{t("home.classes.all")} →</Link>
    </WorkCard>
  );
}

function Followed({ data, pantiId }: { data: NonNullable<Work["followed"]>; pantiId: number }) {
  const t = useT();
  return (
    <WorkCard title={t("home.followed.title")} testId="home-followed">
      {data.due > 0 ? <Count text={t("home.followed.due", { n: data.due })} /> : null}
      {data.total === 0 ? (
        <p className="muted">{t("home.followed.none")}</p>
      ) : (
        <ul className="work-list">
          {data.rows.map((r) => (
            <li key={r.stayId}>
              <Link to={`/panti/${pantiId}/stays/${r.stayId}`}>{r.displayName}</Link>{" "}
              <small>
                {t("home.followed.last")}: <Instant value={r.lastSessionAt} />
              </small>{" "}
              {r.due ? <span className="badge full">{t("home.followed.dueBadge")}</span> : null} ·{" "}
              <Link to={`/panti/${pantiId}/stays/${r.stayId}/sessions/new`}>{t("home.followed.record")}</Link>
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        <Link className="button" to={`/panti/${pantiId}/residents`}>
          {t("home.followed.residents")}
        </Link>
        <Link to={`/panti/${pantiId}/sessions/new`}>{t("home.followed.group")}</Link>
      </p>
    </WorkCard>
  );
}

function Review({ work }: { work: Work }) {
  const t = useT();
  const lang = useLang();
  const n = (v: number | undefined) => formatNumber(lang, v ?? 0);
  return (
    <WorkCard title={t("home.review.title")} testId="home-review">
      <p className="actions">
        <Link className="button" to="/dashboard">
          {t("home.review.dashboard")}
        </Link>
        <Link className="button secondary" to="/reports/quarterly">
          {t("home.review.quarterly")}
        </Link>
        <Link to="/reports/stays">{t("home.review.stays")}</Link>
      </p>
      <ul className="work-list">
        <li>
          <Link to="/placements?status=pending">{t("home.review.waiting")}</Link>: <strong>{n(work.waiting)}</strong>
        </li>
        <li>
          <Link to="/stale-stays">{t("home.review.stale")}</Link>: <strong>{n(work.staleStays?.total)}</strong>
        </li>
        <li>
          <Link to="/follow-ups">{t("home.review.followUps")}</Link>: <strong>{n(work.followUps?.total)}</strong>
        </li>
      </ul>
    </WorkCard>
  );
}

/** The actor's work for today, one card per section of their home. */
export function HomeWorkCards({ work }: { work: Work }) {
  const t = useT();
  if (work.sections.length === 0) return null;
  const pantiId = work.pantiId;
  return (
    <section aria-label={t("home.work")} className="work-grid">
      {work.sections.map((section) => {
        switch (section) {
          case "referrals":
            return work.referrals ? <Referrals key={section} data={work.referrals} /> : null;
          case "queue":
            return <Queue key={section} waiting={work.waiting ?? 0} />;
          case "approvals":
            return work.approvals ? <Approvals key={section} data={work.approvals} /> : null;
          case "withoutBed":
            return work.withoutBed && pantiId != null ? <WithoutBed key={section} data={work.withoutBed} pantiId={pantiId} /> : null;
          case "followUps":
            return work.followUps ? <FollowUps key={section} data={work.followUps} /> : null;
          case "staleStays":
            return work.staleStays ? <StaleStays key={section} data={work.staleStays} /> : null;
          case "todayClasses":
            return work.todayClasses ? <TodayClasses key={section} rows={work.todayClasses} /> : null;
          case "followedResidents":
            return work.followed && pantiId != null ? <Followed key={section} data={work.followed} pantiId={pantiId} /> : null;
          case "review":
            return <Review key={section} work={work} />;
        }
      })}
    </section>
  );
}
