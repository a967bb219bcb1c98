namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>||</c>, commutative: true on either side decides, even when the other side is an error.</summary>
internal sealed class OrNode(CelNode left, CelNode right) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var (leftValue, leftError) = Logic.Try(left, context);
        if (leftValue is true)
        {
            return RuntimeValues.True;
        }

        var (rightValue, rightError) = Logic.Try(right, context);
        return rightValue is true ? RuntimeValues.True : Logic.Combine("||", leftValue, leftError, rightValue, rightError);
    }
}
