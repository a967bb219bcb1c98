namespace EventReactor.Core.Expressions.Runtime;

internal sealed class NegateNode(CelNode operand) : CelNode
{
    public override bool HasOnlyLiteralOperands => operand is LiteralNode;

    public override object? Evaluate(CelContext context) => Arithmetic.Negate(operand.Evaluate(context));
}
