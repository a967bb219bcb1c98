using EventReactor.Core.Evaluation;
using EventReactor.Reactor.State;

namespace EventReactor.Reactor.Throttles;

/// <summary>
/// Throttles in PostgreSQL (migration 22), shared by every reactor on the database: a (rule, key) acts once per window
/// whichever reactor handles its events. One upsert decides and records a pass, so of reactors racing for the same key
/// exactly one passes (the row's lock orders them). Synchronous, because the evaluator in EventReactor.Core is: one
/// round trip per throttled match, on the thread evaluating it. SQLite keeps the in-memory <see cref="ThrottleGate"/>:
/// one reactor per file needs nothing shared. Times come from the reactors' clocks, like the leases'.
/// </summary>
internal sealed class PostgresThrottleGate(ReactorPostgresDatabase database, TimeProvider time) : IThrottleGate
{
    // Rows long open again are removed now and then, so the table follows the live keys, as the in-memory gate does.
    private const int SweepEvery = 4096;

    private const string PassSql = """
        INSERT INTO throttles AS t (rule, key, open_at) VALUES (@rule, @key, @open_at)
        ON CONFLICT (rule, key) DO UPDATE SET open_at = excluded.open_at WHERE t.open_at <= @now
        RETURNING TRUE
        """;

    private int _passes;

    public bool TryPass(string rule, string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        var passed = database.Scalar(PassSql, ("rule", rule), ("key", key), ("now", now.ToUnixTimeMilliseconds()), ("open_at", (now + window).ToUnixTimeMilliseconds())) is true;
        if (passed && Interlocked.Increment(ref _passes) % SweepEvery == 0)
        {
            database.Scalar("DELETE FROM throttles WHERE open_at < @now", ("now", now.ToUnixTimeMilliseconds()));
        }

        return passed;
    }
}
