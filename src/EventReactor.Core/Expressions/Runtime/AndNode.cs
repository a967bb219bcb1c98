namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// <c>&amp;&amp;</c>, commutative as CEL defines it: false on either side decides, even when the other side
/// is an error; otherwise an error (or a non-bool) on either side is the result.
/// </summary>
internal sealed class AndNode(CelNode left, CelNode right) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var (leftValue, leftError) = Logic.Try(left, context);
        if (leftValue is false)
        {
            return RuntimeValues.False;
        }

        var (rightValue, rightError) = Logic.Try(right, context);
        return rightValue is false ? RuntimeValues.False : Logic.Combine("&&", leftValue, leftError, rightValue, rightError);
    }
}
