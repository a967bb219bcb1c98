namespace EventReactor.Core.Expressions.Runtime;

internal sealed class LiteralNode(object? value) : CelNode
{
    public object? Value { get; } = value;

    public override object? Evaluate(CelContext context) => Value;
}
