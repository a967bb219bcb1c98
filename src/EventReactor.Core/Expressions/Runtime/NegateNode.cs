namespace EventReactor.Core.Expressions.Runtime;

internal sealed class NegateNode(CelNode operand) : CelNode
{
    public override object? Evaluate(CelContext context) => Arithmetic.Negate(operand.Evaluate(context));
}
