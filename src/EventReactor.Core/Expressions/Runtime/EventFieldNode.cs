using EventReactor.Contracts;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>event.field</c>, read straight from the envelope without building the event map.</summary>
internal sealed class EventFieldNode(IdentNode @event, string field) : CelNode
{
    // Chosen once: the field name is known when the expression is parsed.
    private readonly Func<EventEnvelope, object?> _read = field switch
    {
        "data" => envelope => RuntimeValues.FromJson(envelope.Data),
        "tag" => envelope => envelope.Tag,
        "minion" => envelope => envelope.Minion,
        _ => envelope => ValueAccess.EventField(envelope, field),
    };

    public IdentNode Event { get; } = @event;

    public string Field { get; } = field;

    public override object? Evaluate(CelContext context) => context.Scope.HasEvent
        ? _read(context.Scope.Event)
        : ValueAccess.Select(Event.Evaluate(context), Field);
}
