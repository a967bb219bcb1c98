namespace EventReactor.EndToEnd;

/// <summary>One container event acted on: its id, when the minion stored it and the reactor's fired event's time.</summary>
internal readonly record struct Reaction(string EventId, DateTimeOffset Stored, DateTimeOffset Fired)
{
    public double Milliseconds => (Fired - Stored).TotalMilliseconds;
}
