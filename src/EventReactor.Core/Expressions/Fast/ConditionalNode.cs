namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
internal sealed class ConditionalNode(FastNode condition, FastNode whenTrue, FastNode whenFalse) : FastNode
{
    public override object? Evaluate(FastContext context) => condition.Evaluate(context) switch
    {
        true => whenTrue.Evaluate(context),
        false => whenFalse.Evaluate(context),
        _ => FastPathBailout.Raise(),
    };
}
