namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A compiled piece of an expression.</summary>
internal abstract class CelNode
{
    /// <summary>The value; a CEL evaluation error is raised as <see cref="CelError"/>.</summary>
    public abstract object? Evaluate(CelContext context);
}
