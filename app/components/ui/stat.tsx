/** A labelled figure in a stats row; `over` colours it as a warning. */
export function Stat({ label, value, testId, over }: { label: string; value: string; testId?: string; over?: boolean }) {
  return (
    <div className={`stat${over ? " over" : ""}`}>
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
