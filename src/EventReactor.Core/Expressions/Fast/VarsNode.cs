namespace EventReactor.Core.Expressions.Fast;

/// <summary>The identifier <c>vars</c>.</summary>
internal sealed class VarsNode : FastNode
{
    public override object? Evaluate(FastContext context) => context.Vars;
}
