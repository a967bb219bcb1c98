namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>size(x)</c> or <c>x.size()</c>: an int.</summary>
internal sealed class SizeNode(CelNode operand) : CelNode
{
    public override object? Evaluate(CelContext context) => ValueAccess.Size(operand.Evaluate(context));
}
