namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>event.field</c>, read straight from the envelope without building the event map.</summary>
internal sealed class EventFieldNode(IdentNode @event, string field) : CelNode
{
    public IdentNode Event { get; } = @event;

    public string Field { get; } = field;

    public override object? Evaluate(CelContext context) => context.Scope.HasEvent
        ? ValueAccess.EventField(context.Scope.Event, Field)
        : ValueAccess.Select(Event.Evaluate(context), Field);
}
