namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>size(x)</c> or <c>x.size()</c>.</summary>
internal sealed class SizeNode(FastNode operand) : FastNode
{
    public override object? Evaluate(FastContext context) => FastValues.Size(operand.Evaluate(context));
}
