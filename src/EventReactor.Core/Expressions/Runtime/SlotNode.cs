namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A macro's loop variable.</summary>
internal sealed class SlotNode(int slot) : CelNode
{
    public override object? Evaluate(CelContext context) => context.Slots[slot];
}
