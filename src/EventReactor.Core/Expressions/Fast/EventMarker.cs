namespace EventReactor.Core.Expressions.Fast;

/// <summary>The value of the identifier <c>event</c>; its fields are read from the envelope on demand.</summary>
internal sealed class EventMarker
{
    public static EventMarker Instance { get; } = new();

    private EventMarker()
    {
    }
}
