namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>+ - * / %</c>.</summary>
internal sealed class ArithmeticNode(BinaryOperator op, CelNode left, CelNode right) : CelNode
{
    public override bool HasOnlyLiteralOperands => left is LiteralNode && right is LiteralNode;

    public override object? Evaluate(CelContext context)
    {
        var a = left.Evaluate(context);
        return Arithmetic.Apply(op, a, right.Evaluate(context));
    }
}
