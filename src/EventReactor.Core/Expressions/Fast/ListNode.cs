namespace EventReactor.Core.Expressions.Fast;

/// <summary>A list literal <c>[a, b, ...]</c>.</summary>
internal sealed class ListNode(FastNode[] items) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        var list = new List<object?>(items.Length);
        foreach (var item in items)
        {
            list.Add(item.Evaluate(context));
        }

        return list;
    }
}
