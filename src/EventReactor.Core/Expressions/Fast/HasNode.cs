namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>has(target.field)</c>.</summary>
internal sealed class HasNode(FastNode target, string field) : FastNode
{
    public override object? Evaluate(FastContext context) => FastValues.Bool(FastValues.Has(context, target.Evaluate(context), field));
}
