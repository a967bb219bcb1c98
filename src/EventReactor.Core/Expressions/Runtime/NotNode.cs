namespace EventReactor.Core.Expressions.Runtime;

internal sealed class NotNode(CelNode operand) : CelNode
{
    public override object? Evaluate(CelContext context) => operand.Evaluate(context) switch
    {
        bool value => RuntimeValues.Bool(!value),
        var other => throw CelError.NoOverload("!", other),
    };
}
