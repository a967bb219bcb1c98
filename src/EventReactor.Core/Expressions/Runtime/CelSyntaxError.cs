namespace EventReactor.Core.Expressions.Runtime;

/// <summary>Text that is not a CEL expression; the offset is where in the expression the problem is.</summary>
internal sealed class CelSyntaxError(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
