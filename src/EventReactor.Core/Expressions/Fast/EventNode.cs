namespace EventReactor.Core.Expressions.Fast;

/// <summary>The identifier <c>event</c>.</summary>
internal sealed class EventNode : FastNode
{
    public override object? Evaluate(FastContext context) => EventMarker.Instance;
}
