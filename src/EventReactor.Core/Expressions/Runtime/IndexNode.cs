namespace EventReactor.Core.Expressions.Runtime;

/// <summary><c>target[key]</c> on a map or a list.</summary>
internal sealed class IndexNode(CelNode target, CelNode key) : CelNode
{
    public override object? Evaluate(CelContext context)
    {
        var container = target.Evaluate(context);
        return ValueAccess.Index(container, key.Evaluate(context));
    }
}
