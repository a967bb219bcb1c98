namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>event.field</c>, read straight from the envelope.</summary>
internal sealed class EventFieldNode(string field) : FastNode
{
    public string Field { get; } = field;

    public override object? Evaluate(FastContext context) => FastValues.EventField(context.Event, Field);
}
