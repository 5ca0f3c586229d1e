// Shown while a dashboard page loads its data (the appeals list, an appeal, its signatures).
export default function DashboardLoading() {
  return (
    <div className="stack" aria-busy="true">
      <h1>Loading</h1>
      <p role="status" className="muted">
        Loading the page…
      </p>
    </div>
  );
}
