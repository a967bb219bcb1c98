using EventReactor.Contracts;

namespace EventReactor.Core.Expressions.Fast;

/// <summary>What one evaluation sees: the event, the file's vars and the macro variables in scope.</summary>
internal sealed class FastContext(EventEnvelope @event, IReadOnlyDictionary<string, object?> vars, int slotCount)
{
    public EventEnvelope Event { get; } = @event;

    public IReadOnlyDictionary<string, object?> Vars { get; } = vars;

    public object?[] Slots { get; } = slotCount == 0 ? [] : new object?[slotCount];
}
