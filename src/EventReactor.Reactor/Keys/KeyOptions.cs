namespace EventReactor.Reactor.Keys;

/// <summary>Settings of minion keys and enrollment (section <c>Reactor:Keys</c>).</summary>
public sealed class KeyOptions
{
    public const string Section = "Reactor:Keys";

    /// <summary>
    /// Accept every newly enrolled key at once. For <c>up</c> (which sets it to trust its own local minion) and test
    /// fixtures only: on a network, anyone who reaches the API could enroll. A different key for a known id is still denied.
    /// </summary>
    public bool AutoAccept { get; set; }

    /// <summary>At most this many pending and denied keys are kept; further enrollments are refused until an operator clears some.</summary>
    public int MaxUntrusted { get; set; } = 1000;

    /// <summary>How long a signed command stays valid after it is issued; at most 60 s.</summary>
    public TimeSpan CommandLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
