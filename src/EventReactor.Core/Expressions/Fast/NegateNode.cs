namespace EventReactor.Core.Expressions.Fast;

internal sealed class NegateNode(FastNode operand) : FastNode
{
    public override object? Evaluate(FastContext context) => operand.Evaluate(context) switch
    {
        long value when value != long.MinValue => -value,
        double value => -value,
        _ => FastPathBailout.Raise(),
    };
}
