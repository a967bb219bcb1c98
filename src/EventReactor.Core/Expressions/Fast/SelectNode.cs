namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>target.field</c>; a missing field is an error, which the package reports.</summary>
internal sealed class SelectNode(FastNode target, string field) : FastNode
{
    public FastNode Target { get; } = target;

    public string Field { get; } = field;

    public override object? Evaluate(FastContext context) => FastValues.Select(context, Target.Evaluate(context), Field);
}
