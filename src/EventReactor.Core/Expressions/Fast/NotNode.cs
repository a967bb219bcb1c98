namespace EventReactor.Core.Expressions.Fast;

internal sealed class NotNode(FastNode operand) : FastNode
{
    public override object? Evaluate(FastContext context) =>
        operand.Evaluate(context) is bool value ? FastValues.Bool(!value) : FastPathBailout.Raise();
}
