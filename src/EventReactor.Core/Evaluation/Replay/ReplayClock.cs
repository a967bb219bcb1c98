namespace EventReactor.Core.Evaluation.Replay;

/// <summary>Event time during a replay: throttles see each event's own time, so a throttle edit shows its real effect.</summary>
public sealed class ReplayClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
