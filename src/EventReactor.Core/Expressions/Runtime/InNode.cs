namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>item in list</c> and <c>key in map</c>.</summary>
internal sealed class InNode(CelNode item, CelNode container) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var needle = item.Evaluate(context);
        return RuntimeValues.Bool(ValueAccess.Contains(container.Evaluate(context), needle));
    }
}
