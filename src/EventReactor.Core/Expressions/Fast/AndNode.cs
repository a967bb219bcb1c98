namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>&amp;&amp;</c>: false on the left decides; an error on the left is left to the package's error absorption.</summary>
internal sealed class AndNode(FastNode left, FastNode right) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        if (left.Evaluate(context) is not bool leftValue)
        {
            return FastPathBailout.Raise();
        }

        if (!leftValue)
        {
            return FastValues.False;
        }

        return right.Evaluate(context) is bool rightValue ? FastValues.Bool(rightValue) : FastPathBailout.Raise();
    }
}
