namespace EventReactor.Core.Rules;

/// <summary><c>retry: { attempts: 5, backoff: 2s }</c>: try an action this many times in all, waiting longer each time.</summary>
public sealed record RetryPolicy(int Attempts, TimeSpan Backoff)
{
    /// <summary>One try, no retry: what an action gets when neither it nor its rule says otherwise.</summary>
    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero);
}
