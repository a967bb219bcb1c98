namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A list literal <c>[a, b, ...]</c>.</summary>
internal sealed class ListNode(CelNode[] items) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var list = new List<object?>(items.Length);
        foreach (var item in items)
        {
            list.Add(item.Evaluate(context));
        }

        return list;
    }
}
