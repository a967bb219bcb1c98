namespace EventReactor.Core.Expressions.Fast;

internal sealed class LiteralNode(object? value) : FastNode
{
    public object? Value { get; } = value;

    public override object? Evaluate(FastContext context) => Value;
}
