using Polly;

namespace EventReactor.Messaging.Resilience;

/// <summary>
/// What one call adds to a named pipeline: which failures are worth another try, and what to say before waiting.
/// The pipeline owns the delays; the caller owns the meaning of its failures and its log messages.
/// </summary>
public sealed class RetryHooks
{
    internal static readonly ResiliencePropertyKey<RetryHooks> Key = new("eventreactor.retry-hooks");

    internal static readonly RetryHooks Default = new();

    /// <summary>Whether a failure is transient; by default every one is (a stopping token never is).</summary>
    public Func<Exception, bool> Transient { get; init; } = static _ => true;

    /// <summary>Whether a result that is not a failure still asks for another try (e.g. not every event confirmed).</summary>
    public Func<object?, bool> Incomplete { get; init; } = static _ => false;

    /// <summary>Called before each wait with the failure (null for an incomplete result) and the wait.</summary>
    public Action<Exception?, TimeSpan>? OnRetry { get; init; }
}
