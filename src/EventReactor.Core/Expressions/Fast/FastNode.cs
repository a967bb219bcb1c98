namespace EventReactor.Core.Expressions.Fast;

/// <summary>A compiled piece of an expression in the fast subset, evaluated straight against the event.</summary>
internal abstract class FastNode
{
    /// <summary>The value, or <see cref="FastPathBailout"/> when only the Cel package can say what happens.</summary>
    public abstract object? Evaluate(FastContext context);
}
