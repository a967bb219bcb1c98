namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed class ConditionalNode(CelNode condition, CelNode whenTrue, CelNode whenFalse) : CelNode
{
    public override object? Evaluate(CelContext context) => condition.Evaluate(context) switch
    {
        true => whenTrue.Evaluate(context),
        false => whenFalse.Evaluate(context),
        var other => throw CelError.NoOverload("_?_:_", other),
    };
}
