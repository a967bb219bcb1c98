namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A compiled piece of an expression.</summary>
internal abstract class CelNode
{
    /// <summary>Whether the node is an operation whose operands are all literals, so the parser can fold it.</summary>
    public virtual bool HasOnlyLiteralOperands => false;

    /// <summary>The value; a CEL evaluation error is raised as <see cref="CelError"/>.</summary>
    public abstract object? Evaluate(CelContext context);
}
