namespace EventReactor.Core.Expressions.Fast;

/// <summary>A macro's loop variable.</summary>
internal sealed class SlotNode(int slot) : FastNode
{
    public override object? Evaluate(FastContext context) => context.Slots[slot];
}
