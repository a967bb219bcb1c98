namespace EventReactor.Core.Expressions.Fast;

/// <summary><c>target[key]</c> on a map (string key) or a list (int position).</summary>
internal sealed class IndexNode(FastNode target, FastNode key) : FastNode
{
    public override object? Evaluate(FastContext context) =>
        FastValues.Index(context, target.Evaluate(context), key.Evaluate(context));
}
