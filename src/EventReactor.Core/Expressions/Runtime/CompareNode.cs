namespace EventReactor.Core.Expressions.Runtime;

/// <summary>The relations <c>== != &lt; &lt;= &gt; &gt;=</c>.</summary>
internal sealed class CompareNode(BinaryOperator op, CelNode left, CelNode right) : CelNode
{
    public override bool HasOnlyLiteralOperands => left is LiteralNode && right is LiteralNode;

    public override object? Evaluate(CelContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual)
        {
            return RuntimeValues.Bool(ValueComparison.Equal(a, b) == (op == BinaryOperator.Equal));
        }

        var order = ValueComparison.Compare(a, b);
        return RuntimeValues.Bool(!ValueComparison.IsUnordered(a, b) && op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }
}
