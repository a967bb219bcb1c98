namespace EventReactor.Core.Expressions.Fast;

/// <summary>The relations <c>== != &lt; &lt;= &gt; &gt;=</c> between values of one scalar type.</summary>
internal sealed class CompareNode(BinaryOperator op, FastNode left, FastNode right) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        var a = left.Evaluate(context);
        var b = right.Evaluate(context);
        return FastValues.Bool(op switch
        {
            BinaryOperator.Equal => FastValues.ScalarEquals(a, b),
            BinaryOperator.NotEqual => !FastValues.ScalarEquals(a, b),
            BinaryOperator.Less => FastValues.Compare(a, b) < 0,
            BinaryOperator.LessOrEqual => FastValues.Compare(a, b) <= 0,
            BinaryOperator.Greater => FastValues.Compare(a, b) > 0,
            _ => FastValues.Compare(a, b) >= 0,
        });
    }
}
