using Npgsql;
using Polly;
using Polly.Retry;

namespace EventReactor.Storage.Postgres;

/// <summary>
/// A state database that goes away for a moment (restarted, failed over, its connections ended by an administrator) is
/// waited for rather than failed: each call of <see cref="PostgresDatabase"/> is tried again on a failure that says the
/// server is unavailable, after 100 ms doubling to 2 s, about 30 s in all; after that the failure stands. A call is one
/// statement or one whole transaction, which a failure rolled back, so trying it again does it once. The waits run on
/// the process's <see cref="TimeProvider"/>, so that a fake clock drives them in tests.
/// </summary>
internal static class PostgresOutage
{
    public static ResiliencePipeline Retry(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 20,
            Delay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(2),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(IsUnavailable),
        })
        .Build();

    /// <summary>
    /// Npgsql's transient failures (the connection broke or could not be made, too many connections, a deadlock), and the
    /// server ending or refusing sessions: 57P01/57P02 (administrator or crash shutdown) and 55000 (the database does
    /// not accept connections now).
    /// </summary>
    public static bool IsUnavailable(NpgsqlException exception) =>
        exception.IsTransient || exception is PostgresException { SqlState: "57P01" or "57P02" or "55000" };
}
