namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>||</c>: true on the left decides; an error on the left is left to the package's error absorption.</summary>
internal sealed class OrNode(FastNode left, FastNode right) : FastNode
{
    public override object? Evaluate(FastContext context)
    {
        if (left.Evaluate(context) is not bool leftValue)
        {
            return FastPathBailout.Raise();
        }

        if (leftValue)
        {
            return FastValues.True;
        }

        return right.Evaluate(context) is bool rightValue ? FastValues.Bool(rightValue) : FastPathBailout.Raise();
    }
}
